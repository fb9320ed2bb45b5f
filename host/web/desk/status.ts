/**
 * What a console says about an app's and a version's state, as words and a colour. Pure (no DOM),
 * tested in Node.
 */
import type { AppView, AuditEntry, RejectionReason, VersionView } from '../../modules/apps/browser.ts';
import type { Label } from '../common/orders.ts';

export type { Label } from '../common/orders.ts';

/** Live to everyone, to a share, in review, decided, or taken back. */
export function versionLabel(v: Pick<VersionView, 'status' | 'live' | 'grayPercent' | 'releasedAt'>): Label {
  if (v.live === 'full') return { text: 'Live', tone: 'green' };
  if (v.live === 'gray') return { text: `Gray ${v.grayPercent ?? 0}%`, tone: 'blue' };
  switch (v.status) {
    case 'in_review':
      return { text: 'In review', tone: 'orange' };
    case 'approved':
      return { text: v.releasedAt ? 'Approved · was live' : 'Approved', tone: 'green' };
    case 'rejected':
      return { text: 'Rejected', tone: 'red' };
    case 'withdrawn':
      return { text: 'Withdrawn', tone: 'grey' };
  }
}

/** The app's headline state: suspended wins over everything, then whether users can open it. */
export function appLabel(app: Pick<AppView, 'status' | 'release'>): Label {
  if (app.status === 'suspended') return { text: 'Suspended', tone: 'red' };
  if (!app.release) return { text: 'Not released', tone: 'grey' };
  return { text: 'Live', tone: 'green' };
}

/** One line on what users get: `1.0.0 to everyone · 1.1.0 to 10%`. */
export function releaseLine(release: AppView['release']): string {
  if (!release) return 'Nobody yet: release an approved version to put it in the directory.';
  const gray = release.gray ? ` · ${release.gray.version} to ${release.gray.percent}% of users` : '';
  return `${release.version} to ${release.gray ? 'everyone else' : 'everyone'}${gray}`;
}

/** What a rejection reason points at. */
export function reasonTarget(r: Pick<RejectionReason, 'page' | 'scope'>): string {
  if (r.page) return `Page ${r.page}`;
  if (r.scope) return `Scope ${r.scope}`;
  return 'Whole version';
}

const ACTIONS: Record<AuditEntry['action'], string> = {
  'app.create': 'Created the app',
  'app.update': 'Changed the app details',
  'app.suspend': 'Suspended the app',
  'app.reinstate': 'Reinstated the app',
  'app.licence': 'Changed the licence',
  'version.submit': 'Submitted a version',
  'version.withdraw': 'Withdrew a version from review',
  'version.approve': 'Approved a version',
  'version.reject': 'Rejected a version',
  'release.gray': 'Gray release',
  'release.full': 'Released to everyone',
  'release.rollback': 'Rolled back',
};

export const auditActions = Object.keys(ACTIONS) as AuditEntry['action'][];

/** An audit entry in words: what was done, and the facts its detail keeps (version, share, licence). */
export function describeAudit(e: Pick<AuditEntry, 'action' | 'detail'>): string {
  const d = e.detail;
  const version = typeof d.version === 'string' ? d.version : null;
  switch (e.action) {
    case 'app.licence':
      return d.granted === true ? 'Granted the restricted-category licence' : d.granted === false ? 'Withdrew the restricted-category licence' : ACTIONS[e.action];
    case 'release.gray':
      return `Gray release of ${version ?? 'a version'} to ${typeof d.percent === 'number' ? d.percent : '?'}% of users`;
    case 'release.full':
      return `Released ${version ?? 'a version'} to everyone`;
    case 'release.rollback':
      return `Rolled everyone back to ${version ?? 'an earlier version'}`;
    case 'version.submit':
    case 'version.withdraw':
    case 'version.approve':
    case 'version.reject':
      return version ? `${ACTIONS[e.action].replace('a version', version)}` : ACTIONS[e.action];
    default:
      return ACTIONS[e.action] ?? e.action;
  }
}

/** The action's name for a filter list. */
export function actionName(action: AuditEntry['action']): string {
  return ACTIONS[action] ?? action;
}
