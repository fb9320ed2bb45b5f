/** What Atrium's own pages may take from apps: the shapes its API answers with. Types only. */
export type { AppView, AuditEntry, ReleaseState, RejectionReason, VersionView } from './views.ts';
export type { ReviewItem } from './review.ts';
export type { AppSummary } from './service.ts';
export type { CheckResult, VersionDiff } from './checks/index.ts';
export type { MerchantRef } from './schemas.ts';
