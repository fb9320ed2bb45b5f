/**
 * What the platform does for a user's own data: an export of everything it keeps about them, and
 * erasing the account at their request.
 *
 * @example
 * const exportUser = createUserExport({ account: identity.getAccount, authorizations: consents.list, payments, storage });
 * app.route('/', privacyRoutes({ exportUser, erase: createErasure({ ... }) }));
 */
export { createErasure, type EraseParts } from './erase.ts';
export { createUserExport, type ExportSources, type UserExport } from './export.ts';
export { privacyRoutes } from './routes.ts';
