/** @jsxImportSource preact */
/**
 * A version as both consoles show it: its state, release notes, the automated checks with their
 * findings, what changed against the version before, and the reviewer's reasons. The merchant's
 * console adds release controls, the admin's a link to the review.
 */
import type { ComponentChildren } from 'preact';
import type { CheckResult, RejectionReason, VersionDiff, VersionView } from '../../modules/apps/browser.ts';
import { formatBytes, formatDateTime, formatDuration, formatSizeDelta, timeAgo } from '../common/format.ts';
import { StatusChip } from '../kit/index.ts';
import { reasonTarget, versionLabel } from './status.ts';
import { Facts, Note, Notes, Subtitle } from './ui.tsx';

const OUTCOME = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

/** Every automated check: its outcome, what it looked at, and each finding with its page or scope. */
export function ChecksList({ checks }: { checks: CheckResult[] }) {
  if (!checks.length) return <Note>No automated checks were recorded for this version.</Note>;
  return (
    <ul class="desk-checks" aria-label="Automated checks">
      {checks.map((c) => (
        <li class={`desk-check desk-check-${c.outcome}`} data-check={c.id} data-outcome={c.outcome}>
          <span class="desk-check-mark">
            <span class="desk-visually-hidden">{OUTCOME[c.outcome]}</span>
          </span>
          <div class="desk-check-body">
            <div class="desk-check-title">{c.title}</div>
            <div class="desk-check-summary">{c.summary}</div>
            {c.findings.length > 0 && (
              <ul class="desk-findings">
                {c.findings.map((f) => (
                  <li class={`desk-finding desk-finding-${f.severity}`}>
                    <span class="desk-finding-severity">{f.severity === 'error' ? 'Error' : 'Warning'}</span>
                    {f.page && <span class="desk-chip">{`Page ${f.page}`}</span>}
                    {f.scope && <span class="desk-chip">{`Scope ${f.scope}`}</span>}
                    <span class="desk-finding-text">{f.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Changes({ added, removed }: { added: string[]; removed: string[] }) {
  if (!added.length && !removed.length) return <span class="desk-muted">no change</span>;
  return (
    <span class="desk-changes">
      {added.map((x) => (
        <span class="desk-chip desk-chip-added">{`+ ${x}`}</span>
      ))}
      {removed.map((x) => (
        <span class="desk-chip desk-chip-removed">{`− ${x}`}</span>
      ))}
    </span>
  );
}

/** Pages, scopes and domains added or removed, and the size change, against the version before. */
export function DiffView({ diff }: { diff: VersionDiff | null }) {
  if (!diff) return <Note>No comparison: the manifest did not pass its check.</Note>;
  if (!diff.against) return <Note>The first version: there is nothing to compare it with.</Note>;
  return (
    <div class="desk-diff">
      <Note>{`Compared with ${diff.against}, the version users had when this one was submitted.`}</Note>
      <Facts
        rows={[
          ['Pages', <Changes added={diff.pagesAdded} removed={diff.pagesRemoved} />],
          ['Scopes', <Changes added={diff.scopesAdded} removed={diff.scopesRemoved} />],
          ['Domains', <Changes added={diff.domainsAdded} removed={diff.domainsRemoved} />],
          ['Size', diff.sizeDelta === null ? '—' : formatSizeDelta(diff.sizeDelta)],
        ]}
      />
    </div>
  );
}

/** Why a version was rejected, each reason with the page or scope it points at. */
export function ReasonsList({ reasons }: { reasons: RejectionReason[] }) {
  return (
    <ul class="desk-reasons" aria-label="Rejection reasons">
      {reasons.map((r) => (
        <li class="desk-reason">
          <span class="desk-chip desk-chip-target">{reasonTarget(r)}</span>
          <span class="desk-reason-text">{r.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** Submitted, reviewed, size and release facts of a version. */
function VersionFacts({ v }: { v: VersionView }) {
  const rows: [string, string][] = [
    ['Submitted', `${formatDateTime(v.submittedAt)} (${timeAgo(v.submittedAt)})`],
    ['Size', formatBytes(v.sizeBytes)],
  ];
  if (v.decidedAt) rows.push(['Reviewed', `${formatDateTime(v.decidedAt)}${v.reviewSeconds !== null ? `, after ${formatDuration(v.reviewSeconds)}` : ''}`]);
  else if (v.status === 'in_review') rows.push(['Waiting', formatDuration((Date.now() - Date.parse(v.submittedAt)) / 1000)]);
  if (v.releasedAt) rows.push(['Last released', formatDateTime(v.releasedAt)]);
  return <Facts rows={rows} />;
}

/**
 * A version as a card that opens to its details; `open` for the newest or one that needs attention.
 * `onToggle` hears the reader open or close it, for a page that keeps that across reloads.
 */
export function VersionCard({ v, open = false, onToggle, actions }: { v: VersionView; open?: boolean; onToggle?(open: boolean): void; actions?: ComponentChildren }) {
  return (
    <details
      class={`desk-version desk-version-${v.status}`}
      open={open}
      onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}
      data-version={v.version}
      data-testid={`version-${v.version}`}
    >
      <summary class="desk-version-summary">
        <span class="desk-version-number">{v.version}</span>
        <StatusChip label={versionLabel(v)} />
        <span class="desk-version-when">{`submitted ${timeAgo(v.submittedAt)}`}</span>
        <span class="desk-version-size">{formatBytes(v.sizeBytes)}</span>
      </summary>
      <div class="desk-version-body">
        <Subtitle>Release notes</Subtitle>
        {v.releaseNotes ? <Notes>{v.releaseNotes}</Notes> : <Note>No release notes.</Note>}
        <VersionFacts v={v} />
        {v.status === 'rejected' && (
          <>
            <Subtitle>Why it was rejected</Subtitle>
            {v.reasons.length ? <ReasonsList reasons={v.reasons} /> : <Note>No reasons were given.</Note>}
          </>
        )}
        {v.decisionNote && (
          <>
            <Subtitle>The reviewer's note</Subtitle>
            <Notes>{v.decisionNote}</Notes>
          </>
        )}
        <Subtitle>Automated checks</Subtitle>
        <ChecksList checks={v.checks} />
        <Subtitle>Changes</Subtitle>
        <DiffView diff={v.diff} />
        {actions && <div class="desk-version-actions">{actions}</div>}
      </div>
    </details>
  );
}
