/** Apps: the registry of mini-programs, their versions' lifecycle and which version users get. */
export { appsMigrations } from './migrations.ts';
export { createAppsService, grayBucket, type AppsService, type AppSummary, type RunnableVersion, type PublishInput, type AppDetails } from './service.ts';
export { createLifecycle, type Lifecycle } from './lifecycle.ts';
export { createChecker, type Checker, type CheckResult, type Finding, type Submission, type VersionDiff } from './checks/index.ts';
export type { Actor } from './store.ts';
export type { AppView, AuditEntry, ReleaseState, RejectionReason, VersionView } from './views.ts';
export type { ReviewItem } from './review.ts';
export type { AppsTables } from './tables.ts';
export { appsRoutes } from './routes.ts';
export { merchantRoutes, versionUpload } from './merchant.routes.ts';
export { adminRoutes } from './admin.routes.ts';
export { appsModule } from './module.ts';
