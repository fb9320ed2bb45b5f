import type { Context, MiddlewareHandler } from 'hono';
import { AtriumError } from '../../sdk/contract/errors.ts';
import { NUL } from '../../sdk/contract/text.ts';
import { checkOrigin, isStateChanging } from './csrf.ts';
import type { AccountKind, AppEnv, AppSecretVerifier, Principal, StaffRole, TokenVerifier } from './env.ts';
import { readSessionCookies } from './session-cookie.ts';

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** `Authorization: Basic base64(appId:appSecret)`, as HTTP clients send it. */
export function basicCredentials(header: string | undefined): { appId: string; appSecret: string } | undefined {
  const encoded = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { appId: decoded.slice(0, colon), appSecret: decoded.slice(colon + 1) };
}

/**
 * Finds who is calling: a bearer token (tools) wins over the session cookie (browsers). A token
 * that does not verify leaves the caller anonymous and remembers why, so public routes (log in
 * with a stale cookie) still work and protected ones answer 401 with the reason. Requests riding
 * the cookie pass the Origin check first, before anything runs.
 */
export function authenticate(options: { verify: TokenVerifier; verifyAppSecret?: AppSecretVerifier; trustedOrigins: ReadonlySet<string> }): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    c.set('principal', null);
    c.set('authFailure', null);
    c.set('credential', null);
    const app = options.verifyAppSecret ? basicCredentials(c.req.header('authorization')) : undefined;
    if (app && options.verifyAppSecret) {
      // A merchant's backend: no cookie rides along, so no cross-site check is needed.
      try {
        // Decoded from base64, so the input guard never saw it; no stored id or secret holds a NUL.
        if (`${app.appId}${app.appSecret}`.includes(NUL)) throw new AtriumError('unauthorized', 'The app id or secret holds a NUL character.');
        const { merchantId } = await options.verifyAppSecret(app.appId, app.appSecret);
        c.set('principal', { id: merchantId, kind: 'merchant', via: 'app', appId: app.appId });
      } catch (err) {
        if (!(err instanceof AtriumError)) throw err;
        c.set('authFailure', err.message);
      }
      return next();
    }
    const bearer = bearerToken(c.req.header('authorization'));
    const cookies = bearer ? undefined : readSessionCookies(c);
    const cookie = cookies?.acting;
    if (cookies && isStateChanging(c.req.method)) checkOrigin(c, { hasCookie: cookies.any, trusted: options.trustedOrigins });
    const token = bearer ?? cookie?.token;
    if (token !== undefined) {
      try {
        const who = await options.verify(token);
        // A token moved into another kind's cookie is not that kind's session.
        if (cookie && who.kind !== cookie.kind) throw new AtriumError('unauthorized', 'The session cookie is not valid; sign in again.');
        c.set('principal', { id: who.id, kind: who.kind, via: bearer ? 'bearer' : 'cookie', ...(who.staff ? { staff: who.staff } : {}) });
        c.set('credential', token);
      } catch (err) {
        if (!(err instanceof AtriumError)) throw err;
        c.set('authFailure', err.message);
      }
    }
    await next();
  };
}

/** The caller, whatever their kind; 401 when there is none. */
export function requireAccount(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AtriumError('unauthorized', c.get('authFailure') ?? 'Sign in first.');
  return principal;
}

/**
 * The caller, who must be one of `kinds`. Another kind is a 401, not a 403: a user's token says
 * nothing about being a merchant, so the answer is "sign in as one".
 */
export function requireKind(c: Context<AppEnv>, ...kinds: AccountKind[]): Principal {
  const principal = requireAccount(c);
  if (!kinds.includes(principal.kind)) throw new AtriumError('unauthorized', `Sign in as ${kinds.map(article).join(' or ')}.`);
  // An app's secret opens only the routes that say so (requireMerchantOrApp).
  if (principal.via === 'app') throw new AtriumError('unauthorized', "An app's secret only opens the merchant API for orders and subscription messages; sign in as the merchant for this.");
  return principal;
}

/**
 * A merchant, or a merchant's backend with one app's secret: `appId` is then set and the caller
 * may only touch that app's things.
 */
export function requireMerchantOrApp(c: Context<AppEnv>): Principal {
  const principal = requireAccount(c);
  if (principal.via === 'app') return principal;
  return requireMerchant(c);
}

/** Who on a merchant's team acts: the merchant's own account is its first owner. */
export interface TeamActor {
  merchantId: string;
  /** The account that acts: the merchant's own, or a staff member's. */
  actorId: string;
  role: StaffRole;
}

/**
 * A member of a merchant's team in one of `roles`: the merchant's own account (an owner) or a
 * staff member. Another role is a 403 naming the role, since signing in again would not help.
 */
export function requireTeam(c: Context<AppEnv>, roles: readonly StaffRole[]): TeamActor {
  const principal = requireKind(c, 'merchant');
  const role = principal.staff?.role ?? 'owner';
  if (!roles.includes(role)) throw new AtriumError('forbidden', `This needs ${roles.map((r) => (r === 'owner' ? 'an owner' : `a ${r}`)).join(' or ')} of the merchant's team; you are ${role === 'owner' ? 'an owner' : `a ${role}`}.`);
  return { merchantId: principal.id, actorId: principal.staff?.id ?? principal.id, role };
}

function article(kind: AccountKind): string {
  return kind === 'admin' ? 'an admin' : `a ${kind}`;
}

export const requireUser = (c: Context<AppEnv>): Principal => requireKind(c, 'user');
/** The merchant, or an owner on its team: money, apps, webhooks and the team itself. */
export function requireMerchant(c: Context<AppEnv>): Principal {
  requireTeam(c, ['owner']);
  return requireKind(c, 'merchant');
}
export const requireAdmin = (c: Context<AppEnv>): Principal => requireKind(c, 'admin');

/** The same check as middleware, for guarding a whole prefix: `app.use('/api/admin/*', only('admin'))`. */
export function only(...kinds: AccountKind[]): MiddlewareHandler<AppEnv> {
  return async function onlyKinds(c, next) {
    requireKind(c, ...kinds);
    await next();
  };
}
