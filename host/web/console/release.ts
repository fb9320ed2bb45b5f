/**
 * Which release controls a version offers, following the host's rules (releases.ts): an approved
 * version newer than the live one goes to everyone or to a share that only grows (an app's first
 * release goes to everyone); a gray release can be called off; everyone can go back to an older
 * version users had. Pure (no DOM), tested in Node.
 */
import type { AppView, VersionView } from '../../modules/apps/browser.ts';

/** The shares a gray release is offered at; 100% is "everyone". */
export const GRAY_STEPS = [1, 5, 10, 25, 50] as const;

export interface ReleaseChoices {
  /** Release to everyone. */
  full: boolean;
  /** Gray shares on offer, each bigger than this version's share now. */
  gray: number[];
  /** This version is the gray release: calling it off returns its users to the live version. */
  callOff: boolean;
  /** An older version users had: everyone can go back to it. */
  rollback: boolean;
  /** In review: it can be taken back out. */
  withdraw: boolean;
}

type AppState = Pick<AppView, 'status' | 'release'>;
type Version = Pick<VersionView, 'id' | 'status' | 'live' | 'grayPercent' | 'releasedAt'>;

/** `versions` newest first, as the host lists them. */
export function releaseChoices(app: AppState, versions: Version[], v: Version): ReleaseChoices {
  const release = app.release;
  const index = versions.findIndex((x) => x.id === v.id);
  const liveIndex = release ? versions.findIndex((x) => x.id === release.versionId) : -1;
  const newer = !release || (liveIndex >= 0 && index >= 0 && index < liveIndex);
  const older = liveIndex >= 0 && index > liveIndex;
  const releasable = app.status === 'active' && v.status === 'approved' && v.live !== 'full' && newer;
  const share = v.live === 'gray' ? (v.grayPercent ?? 0) : 0;
  return {
    full: releasable,
    gray: releasable && release ? GRAY_STEPS.filter((p) => p > share) : [],
    callOff: v.live === 'gray',
    rollback: older && v.releasedAt !== null && v.live === null,
    withdraw: v.status === 'in_review',
  };
}

/** Earlier versions everyone could go back to, newest first. */
export function rollbackTargets<V extends Version>(app: AppState, versions: V[]): V[] {
  return versions.filter((v) => releaseChoices(app, versions, v).rollback);
}
