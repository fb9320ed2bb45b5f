/**
 * A version as both consoles show it: its state, release notes, the automated checks with their
 * findings, what changed against the version before, and the reviewer's reasons. The merchant's
 * console adds release controls, the admin's a link to the review.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import type { CheckResult, RejectionReason, VersionDiff, VersionView } from '../../../modules/apps/browser.ts';
import { formatBytes, formatDateTime, formatDuration, formatSizeDelta, timeAgo } from '../../common/format.ts';
import { reasonTarget, versionLabel } from '../status.ts';
import { badge, facts, note } from './ui.ts';

const OUTCOME = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

/** Every automated check: its outcome, what it looked at, and each finding with its page or scope. */
export function checksList(checks: CheckResult[]): HTMLElement {
  if (!checks.length) return note('No automated checks were recorded for this version.');
  const list = el(
    'ul',
    'desk-checks',
    ...checks.map((c) => {
      const findings = c.findings.length
        ? [
            el(
              'ul',
              'desk-findings',
              ...c.findings.map((f) =>
                el('li', `desk-finding desk-finding-${f.severity}`, el('span', 'desk-finding-severity', f.severity === 'error' ? 'Error' : 'Warning'), ...(f.page ? [el('span', 'desk-chip', `Page ${f.page}`)] : []), ...(f.scope ? [el('span', 'desk-chip', `Scope ${f.scope}`)] : []), el('span', 'desk-finding-text', f.message)),
              ),
            ),
          ]
        : [];
      const item = el(
        'li',
        `desk-check desk-check-${c.outcome}`,
        el('span', 'desk-check-mark', el('span', 'desk-visually-hidden', OUTCOME[c.outcome])),
        el('div', 'desk-check-body', el('div', 'desk-check-title', c.title), el('div', 'desk-check-summary', c.summary), ...findings),
      );
      item.dataset.check = c.id;
      item.dataset.outcome = c.outcome;
      return item;
    }),
  );
  list.setAttribute('aria-label', 'Automated checks');
  return list;
}

/** Pages, scopes and domains added or removed, and the size change, against the version before. */
export function diffView(diff: VersionDiff | null): HTMLElement {
  if (!diff) return note('No comparison: the manifest did not pass its check.');
  if (!diff.against) return note('The first version: there is nothing to compare it with.');
  const rows: [string, Node | string][] = [];
  const changes = (added: string[], removed: string[]) =>
    added.length || removed.length ? el('span', 'desk-changes', ...added.map((x) => el('span', 'desk-chip desk-chip-added', `+ ${x}`)), ...removed.map((x) => el('span', 'desk-chip desk-chip-removed', `− ${x}`))) : el('span', 'desk-muted', 'no change');
  rows.push(['Pages', changes(diff.pagesAdded, diff.pagesRemoved)]);
  rows.push(['Scopes', changes(diff.scopesAdded, diff.scopesRemoved)]);
  rows.push(['Domains', changes(diff.domainsAdded, diff.domainsRemoved)]);
  rows.push(['Size', diff.sizeDelta === null ? '—' : formatSizeDelta(diff.sizeDelta)]);
  return el('div', 'desk-diff', note(`Compared with ${diff.against}, the version users had when this one was submitted.`), facts(rows));
}

/** Why a version was rejected, each reason with the page or scope it points at. */
export function reasonsList(reasons: RejectionReason[]): HTMLElement {
  const list = el('ul', 'desk-reasons', ...reasons.map((r) => el('li', 'desk-reason', el('span', 'desk-chip desk-chip-target', reasonTarget(r)), el('span', 'desk-reason-text', r.message))));
  list.setAttribute('aria-label', 'Rejection reasons');
  return list;
}

/** Submitted, reviewed, size and release facts of a version. */
export function versionFacts(v: VersionView): HTMLElement {
  const rows: [string, Node | string][] = [
    ['Submitted', `${formatDateTime(v.submittedAt)} (${timeAgo(v.submittedAt)})`],
    ['Size', formatBytes(v.sizeBytes)],
  ];
  if (v.decidedAt) rows.push(['Reviewed', `${formatDateTime(v.decidedAt)}${v.reviewSeconds !== null ? `, after ${formatDuration(v.reviewSeconds)}` : ''}`]);
  else if (v.status === 'in_review') rows.push(['Waiting', formatDuration((Date.now() - Date.parse(v.submittedAt)) / 1000)]);
  if (v.releasedAt) rows.push(['Last released', formatDateTime(v.releasedAt)]);
  return facts(rows);
}

export interface VersionCardOptions {
  /** Shown open (the newest version, or one that needs attention). */
  open?: boolean;
  /** Controls at the foot of the card (release, withdraw, review). */
  actions?: Node[];
}

/** A version as a card that opens to its details. */
export function versionCard(v: VersionView, o: VersionCardOptions = {}): HTMLDetailsElement {
  const label = versionLabel(v);
  const summary = el(
    'summary',
    'desk-version-summary',
    el('span', 'desk-version-number', v.version),
    badge(label.text, label.tone),
    el('span', 'desk-version-when', `submitted ${timeAgo(v.submittedAt)}`),
    el('span', 'desk-version-size', formatBytes(v.sizeBytes)),
  );
  const body = el(
    'div',
    'desk-version-body',
    el('h3', 'desk-subtitle', 'Release notes'),
    v.releaseNotes ? el('p', 'desk-notes', v.releaseNotes) : note('No release notes.'),
    versionFacts(v),
    ...(v.status === 'rejected' ? [el('h3', 'desk-subtitle', 'Why it was rejected'), v.reasons.length ? reasonsList(v.reasons) : note('No reasons were given.')] : []),
    ...(v.decisionNote ? [el('h3', 'desk-subtitle', "The reviewer's note"), el('p', 'desk-notes', v.decisionNote)] : []),
    el('h3', 'desk-subtitle', 'Automated checks'),
    checksList(v.checks),
    el('h3', 'desk-subtitle', 'Changes'),
    diffView(v.diff),
    ...(o.actions?.length ? [el('div', 'desk-version-actions', ...o.actions)] : []),
  );
  const card = el('details', `desk-version desk-version-${v.status}`, summary, body);
  card.open = o.open ?? false;
  card.dataset.version = v.version;
  card.dataset.testid = `version-${v.version}`;
  return card;
}
