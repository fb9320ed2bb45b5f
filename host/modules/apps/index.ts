/** Apps: the registry of mini-programs, their versions and which version users get. */
export { appsMigrations } from './migrations.ts';
export { createAppsService, type AppsService, type AppSummary, type RunnableVersion, type PublishInput } from './service.ts';
export type { AppsTables } from './tables.ts';
export { appsRoutes } from './routes.ts';
