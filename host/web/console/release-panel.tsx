/** @jsxImportSource preact */
/**
 * The release controls of an app: who gets which version now, then what can be done next:
 * release an approved version to everyone or to a share of users, grow or call off a gray
 * release, roll everyone back to an earlier version, take a version back out of review. Each
 * asks first, then the page loads the app again.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { formatDuration } from '../common/format.ts';
import { releaseLine } from '../desk/status.ts';
import { Note, Panel } from '../desk/ui.tsx';
import { Select, useSite } from '../kit/index.ts';
import type { AppView, VersionView } from './api.ts';
import { useConfirm, type Ask } from './confirm.ts';
import { releaseChoices, rollbackTargets } from './release.ts';

/** The host's release calls for one app. */
function releaseCalls(appId: string) {
  const path = { appId };
  return {
    /** To everyone, or to `percent` of users (a gray release). */
    release: (version: string, percent?: number) => must(api.POST('/api/merchant/apps/{appId}/release', { params: { path }, body: percent === undefined ? { version } : { version, percent } })),
    /** Without a version: call off the gray release, or go back to the version before. */
    rollback: (version?: string) => must(api.POST('/api/merchant/apps/{appId}/rollback', { params: { path }, body: version === undefined ? {} : { version } })),
    withdraw: (version: string) => must(api.POST('/api/merchant/apps/{appId}/versions/{version}/withdraw', { params: { path: { appId, version } } })),
  };
}

interface Props {
  app: AppView;
  /** Newest first, as the host lists them. */
  versions: VersionView[];
  /** Something was released, rolled back or withdrawn: load the app again. */
  changed(): Promise<void>;
}

export function ReleasePanel({ app, versions, changed }: Props) {
  const { ui } = useSite();
  const confirm = useConfirm();
  const gray = app.release?.gray;
  const calls = releaseCalls(app.id);

  /** Asks, does it, says so and shows the app as it is now. */
  async function act(ask: Ask, action: () => Promise<unknown>): Promise<void> {
    if (!(await confirm(ask, action))) return;
    ui.toast({ title: 'Done', icon: 'success', durationMs: 1500 });
    await changed();
  }

  const rows = versions.flatMap((v) => {
    const c = releaseChoices(app, versions, v);
    return [
      (c.callOff || c.full) && <ReleaseRow key={`release-${v.id}`} app={app} v={v} shares={c.gray} isGray={c.callOff} act={act} />,
      c.withdraw && <WithdrawRow key={`withdraw-${v.id}`} v={v} withdraw={() => act({ title: `Withdraw ${v.version} from review?`, content: 'It will not be reviewed. Submit a new version when it is ready.', confirmText: 'Withdraw' }, () => calls.withdraw(v.version))} />,
    ].filter(Boolean);
  });
  const earlier = rollbackTargets(app, versions).map((v) => v.version);
  const quiet = !gray && app.status === 'active' && !rows.length && !earlier.length;

  return (
    <Panel title="Release">
      <p class="desk-release-line">{releaseLine(app.release)}</p>
      {gray && (
        <span class="desk-meter" role="img" aria-label={`${gray.version} reaches ${gray.percent}% of users`}>
          <span class="desk-meter-fill" style={{ width: `${gray.percent}%` }} />
        </span>
      )}
      {app.status === 'suspended' && <Note>Releases wait until Atrium reinstates the app.</Note>}
      {rows}
      {earlier.length > 0 && (
        // A fresh row (and choice) whenever the versions one can go back to change.
        <RollbackRow key={earlier.join(' ')} versions={earlier} rollBack={(version) => act({ title: `Roll everyone back to ${version}?`, content: 'Users get it the next time they open the app.', confirmText: 'Roll back' }, () => calls.rollback(version))} />
      )}
      {quiet && <Note>{app.inReview ? 'The version in review can be released once it is approved.' : 'Submit a new version with the atrium CLI; once approved, release it here.'}</Note>}
    </Panel>
  );
}

interface ReleaseRowProps {
  app: AppView;
  v: VersionView;
  /** Gray shares on offer. */
  shares: number[];
  /** This version is the gray release now. */
  isGray: boolean;
  act(ask: Ask, action: () => Promise<unknown>): Promise<void>;
}

/** Release to everyone or to a share; for the gray version, grow it or call it off. */
function ReleaseRow({ app, v, shares, isGray, act }: ReleaseRowProps) {
  const { release, rollback } = releaseCalls(app.id);
  const text = isGray ? `${v.version} is out to ${v.grayPercent}% of users` : `${v.version} is approved`;
  const hint = isGray ? 'A gray release only grows: widen it, release it to everyone, or call it off.' : app.release ? 'Release it to a share of users first, or to everyone.' : "An app's first release goes to everyone.";
  return (
    <div class="desk-action-row" data-testid={`release-${v.version}`}>
      <div class="desk-action-text">
        <strong>{text}</strong>
        <span class="desk-muted">{hint}</span>
      </div>
      <div class="desk-action-buttons">
        {shares.length > 0 && <span class="desk-muted">{isGray ? 'Grow to' : 'Gray'}</span>}
        {shares.map((p) => (
          <button
            type="button"
            class="desk-chip-button"
            aria-label={`Release ${v.version} to ${p}% of users`}
            onClick={() => void act({ title: `Release ${v.version} to ${p}% of users?`, content: 'The same users keep getting it as the share grows. Open sessions keep their version until reopened.', confirmText: 'Release' }, () => release(v.version, p))}
          >
            {`${p}%`}
          </button>
        ))}
        <button
          type="button"
          class="shell-primary desk-inline-button"
          aria-label={`Release ${v.version} to everyone`}
          onClick={() => void act({ title: `Release ${v.version} to everyone?`, content: 'Everyone gets it the next time they open the app.', confirmText: 'Release' }, () => release(v.version))}
        >
          Release to everyone
        </button>
        {isGray && (
          <button type="button" class="desk-button desk-button-danger" onClick={() => void act({ title: `Call off the gray release of ${v.version}?`, content: `Its users go back to ${app.release?.version}.`, confirmText: 'Call off' }, () => rollback())}>
            Call off gray release
          </button>
        )}
      </div>
    </div>
  );
}

function WithdrawRow({ v, withdraw }: { v: VersionView; withdraw(): Promise<void> }) {
  return (
    <div class="desk-action-row">
      <div class="desk-action-text">
        <strong>{`${v.version} is in review`}</strong>
        <span class="desk-muted">{`waiting ${formatDuration((Date.now() - Date.parse(v.submittedAt)) / 1000)}`}</span>
      </div>
      <button type="button" class="desk-button" onClick={() => void withdraw()}>
        Withdraw from review
      </button>
    </div>
  );
}

function RollbackRow({ versions, rollBack }: { versions: string[]; rollBack(version: string): Promise<void> }) {
  const chosen = useSignal(versions[0]!);
  return (
    <div class="desk-action-row">
      <div class="desk-action-text">
        <strong>Roll back</strong>
        <span class="desk-muted">Everyone goes back to an earlier version they had.</span>
      </div>
      <div class="desk-action-buttons">
        <Select name="rollback" aria-label="Version to roll back to" options={versions.map((v) => ({ value: v, text: v }))} value={chosen} onChange={(e) => (chosen.value = e.currentTarget.value)} />
        <button type="button" class="desk-button desk-button-danger" onClick={() => void rollBack(chosen.value)}>
          Roll back
        </button>
      </div>
    </div>
  );
}
