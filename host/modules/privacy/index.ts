/**
 * What the platform does for a user's own data: an export of everything it keeps about them.
 *
 * @example
 * const exportUser = createUserExport({ account: identity.getAccount, authorizations: consents.list, payments, storage });
 * app.route('/', privacyRoutes(exportUser));
 */
export { createUserExport, type ExportSources, type UserExport } from './export.ts';
export { privacyRoutes } from './routes.ts';
