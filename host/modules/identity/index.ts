/**
 * Identity: accounts (users, merchants, admins), passwords, tokens and their signing keys, app
 * secrets, and the login codes mini-programs trade for openid/unionid. The only door in.
 *
 * @example
 * const identity = await createIdentity({ db: db.kysely, dataDir: config.dataDir });
 * const app = createHttpApp({ dev: config.dev, verifyToken: identity.verifyToken, routes: [identity.routes] });
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { apiRoutes, type AppEnv } from '../../http/index.ts';
import { authRoutes } from './auth.routes.ts';
import { loginCodeRoutes } from './login-codes.routes.ts';
import { createIdentityService, type IdentityOptions, type IdentityService } from './service.ts';
import { teamRoutes } from './team.routes.ts';

export { identityMigrations } from './migrations.ts';
export { loadPlatformSecret, type PlatformSecret } from './platform-secret.ts';
export type { AccountView } from './account-input.ts';
export type { IssuedAppSecret } from './app-credentials.ts';
export type { ExchangedIdentity } from './login-codes.ts';
export type { IdentityOptions, IdentityService } from './service.ts';
export type { TokenUse } from './tokens.ts';
export type { StaffMember, StaffInvite, Staff } from './staff.ts';

export interface Identity extends IdentityService {
  /** /api/auth/*, /api/me and the login-code exchange, for createHttpApp's `routes`. */
  routes: OpenAPIHono<AppEnv>;
}

export async function createIdentity(options: IdentityOptions & { teamInviteUrl?: (code: string) => string }): Promise<Identity> {
  const service = await createIdentityService(options);
  const routes = apiRoutes();
  routes.route('/', authRoutes(service));
  routes.route('/', loginCodeRoutes(service));
  routes.route('/', teamRoutes(service, { inviteUrl: options.teamInviteUrl ?? ((code) => `/console/join/${code}`) }));
  return { ...service, routes };
}
export { identityModule } from './module.ts';
