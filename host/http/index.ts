/**
 * The HTTP foundation: the app, authentication, the one error mapping and OpenAPI helpers.
 * Modules build their routes with `apiRoutes()` and read the caller with `requireUser(c)` & co.
 */
export { createHttpApp, type HttpDeps } from './app.ts';
export { UNKNOWN_ADDRESS } from './client-address.ts';
export { answerClientErrors } from './client-errors.ts';
export { apiRoutes, accountKinds, staffRoles, type AccountKind, type AppEnv, type AppSecretVerifier, type Principal, type StaffRole, type TokenVerifier, type VerifiedCaller } from './env.ts';
export { basicCredentials, only, requireAccount, requireAdmin, requireKind, requireMerchant, requireMerchantOrApp, requireTeam, requireUser, type TeamActor } from './auth.ts';
export { describeIssues, errorResponse, RateLimitedError, statusFor } from './errors.ts';
export { claimOf, earlierAnswer, idempotencyKeyOf, idempotentJson, onceByKey, type IdempotencyClaim, type IdempotencyTable } from './idempotency.ts';
export { ErrorSchema, errorResponses, json, jsonBody, signedIn } from './openapi.ts';
export { ACCOUNT_HEADER, clearSessionCookie, requestedKind, sessionCookieName, setSessionCookie, SESSION_COOKIE_SECONDS } from './session-cookie.ts';
