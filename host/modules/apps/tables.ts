/** The apps module's tables, as Kysely sees them (migrations.ts makes them). */
export interface AppsTables {
  apps_apps: {
    id: string;
    merchant_id: string;
    name: string;
    category: string;
    description: string;
    status: 'active' | 'suspended';
    /** Why an admin suspended it, shown to its users and its merchant. */
    suspended_reason: string | null;
    /** An admin-granted licence to trade in a restricted category (0/1). */
    licensed: number;
    /** The icon's bytes as base64, or null for the generated one. */
    icon: string | null;
    icon_type: string | null;
    created_at: string;
  };
  apps_versions: {
    id: string;
    app_id: string;
    version: string;
    manifest: string;
    bundle: string;
    status: VersionStatus;
    release_notes: string;
    /** Bundle plus assets, in bytes. */
    size_bytes: number;
    /** JSON: CheckResult[] from the automated checks on submission. */
    checks: string;
    /** JSON: VersionDiff against the version users had when this one was submitted. */
    diff: string;
    submitted_at: string;
    decided_at: string | null;
    decided_by: string | null;
    /** JSON: RejectionReason[] (empty when approved). */
    reasons: string;
    /** The reviewer's note on an approval. */
    decision_note: string | null;
    /** The last time this version went out to users (gray or full); null if it never has. */
    released_at: string | null;
    created_at: string;
  };
  apps_assets: { version_id: string; path: string; content_type: string; data: string };
  /** Which versions users get: `version_id` for everyone, or `gray_version_id` for a stable share. */
  apps_releases: {
    app_id: string;
    version_id: string;
    gray_version_id: string | null;
    gray_percent: number;
    released_at: string;
  };
  /** Every decision about an app: who, what, when and why. Never edited. */
  apps_audit: {
    id: string;
    at: string;
    actor_id: string;
    actor_kind: 'merchant' | 'admin' | 'system';
    action: AuditAction;
    app_id: string;
    version_id: string | null;
    reason: string | null;
    /** JSON with what else the action needs remembering (percent, reasons...). */
    detail: string;
  };
}

export type VersionStatus = 'in_review' | 'approved' | 'rejected' | 'withdrawn';

export type AuditAction =
  | 'app.create'
  | 'app.update'
  | 'app.suspend'
  | 'app.reinstate'
  | 'app.licence'
  | 'version.submit'
  | 'version.withdraw'
  | 'version.approve'
  | 'version.reject'
  | 'release.gray'
  | 'release.full'
  | 'release.rollback';
