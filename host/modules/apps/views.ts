import type { Manifest } from '../../../sdk/contract/index.ts';
import type { CheckResult, VersionDiff } from './checks/index.ts';
import type { AppsTables, AuditAction, VersionStatus } from './tables.ts';

type AppRow = AppsTables['apps_apps'];
type VersionRow = AppsTables['apps_versions'];
type ReleaseRow = AppsTables['apps_releases'];
type AuditRow = AppsTables['apps_audit'];

/** Why a version was rejected, pointing at the page or scope it is about when there is one. */
export interface RejectionReason {
  page?: string;
  scope?: string;
  message: string;
}

/** Which versions users get. */
export interface ReleaseState {
  version: string;
  versionId: string;
  /** A newer version going to a stable share of users, or null. */
  gray: { version: string; versionId: string; percent: number } | null;
  releasedAt: string;
}

/** An app as its merchant and admins see it. */
export interface AppView {
  id: string;
  merchantId: string;
  name: string;
  category: string;
  description: string;
  status: 'active' | 'suspended';
  suspendedReason: string | null;
  licensed: boolean;
  /** `/api/apps/<id>/icon`, or null when the app has none (the shell draws one). */
  iconUrl: string | null;
  createdAt: string;
  release: ReleaseState | null;
  /** The version number waiting for review, if any. */
  inReview: string | null;
}

/** A submitted version with its checks and review decision. */
export interface VersionView {
  id: string;
  appId: string;
  version: string;
  status: VersionStatus;
  releaseNotes: string;
  sizeBytes: number;
  checks: CheckResult[];
  diff: VersionDiff | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Seconds from submission to the decision, once decided. */
  reviewSeconds: number | null;
  reasons: RejectionReason[];
  /** The reviewer's note on an approval. */
  decisionNote: string | null;
  /** The last time it went out to users; null if it never has. */
  releasedAt: string | null;
  /** Whether users get it now: everyone, a gray share, or none. */
  live: 'full' | 'gray' | null;
  grayPercent: number | null;
  manifest: Manifest;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorKind: 'merchant' | 'admin' | 'system';
  action: AuditAction;
  appId: string;
  versionId: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export function appView(row: AppRow, release: ReleaseState | null, inReview: string | null): AppView {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    name: row.name,
    category: row.category,
    description: row.description,
    status: row.status,
    suspendedReason: row.suspended_reason,
    licensed: Number(row.licensed) === 1,
    iconUrl: row.icon ? `/api/apps/${encodeURIComponent(row.id)}/icon` : null,
    createdAt: row.created_at,
    release,
    inReview,
  };
}

export function versionView(row: Omit<VersionRow, 'bundle'>, release: ReleaseRow | undefined): VersionView {
  const live = release?.version_id === row.id ? 'full' : release?.gray_version_id === row.id ? 'gray' : null;
  const diff = JSON.parse(row.diff) as VersionDiff | Record<string, never>;
  return {
    id: row.id,
    appId: row.app_id,
    version: row.version,
    status: row.status,
    releaseNotes: row.release_notes,
    sizeBytes: Number(row.size_bytes),
    checks: JSON.parse(row.checks) as CheckResult[],
    diff: 'pagesAdded' in diff ? (diff as VersionDiff) : null,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    reviewSeconds: row.decided_at ? seconds(row.submitted_at, row.decided_at) : null,
    reasons: JSON.parse(row.reasons) as RejectionReason[],
    decisionNote: row.decision_note,
    releasedAt: row.released_at,
    live,
    grayPercent: live === 'gray' ? Number(release!.gray_percent) : null,
    manifest: JSON.parse(row.manifest) as Manifest,
  };
}

export function auditView(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    action: row.action,
    appId: row.app_id,
    versionId: row.version_id,
    reason: row.reason,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}
