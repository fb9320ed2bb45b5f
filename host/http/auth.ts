import type { Context, MiddlewareHandler } from 'hono';
import { AtriumError } from '../../sdk/contract/errors.ts';
import { checkOrigin, isStateChanging } from './csrf.ts';
import type { AccountKind, AppEnv, Principal, TokenVerifier } from './env.ts';
import { readSessionCookie } from './session-cookie.ts';

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Finds who is calling: a bearer token (tools) wins over the session cookie (browsers). A token
 * that does not verify leaves the caller anonymous and remembers why, so public routes (log in
 * with a stale cookie) still work and protected ones answer 401 with the reason. Requests riding
 * the cookie pass the Origin check first, before anything runs.
 */
export function authenticate(options: { verify: TokenVerifier; trustedOrigins: ReadonlySet<string> }): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    c.set('principal', null);
    c.set('authFailure', null);
    const bearer = bearerToken(c.req.header('authorization'));
    const cookie = bearer ? undefined : readSessionCookie(c);
    if (!bearer && isStateChanging(c.req.method)) checkOrigin(c, { hasCookie: cookie !== undefined, trusted: options.trustedOrigins });
    const token = bearer ?? cookie;
    if (token !== undefined) {
      try {
        const who = await options.verify(token);
        c.set('principal', { id: who.id, kind: who.kind, via: bearer ? 'bearer' : 'cookie' });
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
  return principal;
}

function article(kind: AccountKind): string {
  return kind === 'admin' ? 'an admin' : `a ${kind}`;
}

export const requireUser = (c: Context<AppEnv>): Principal => requireKind(c, 'user');
export const requireMerchant = (c: Context<AppEnv>): Principal => requireKind(c, 'merchant');
export const requireAdmin = (c: Context<AppEnv>): Principal => requireKind(c, 'admin');

/** The same check as middleware, for guarding a whole prefix: `app.use('/api/admin/*', only('admin'))`. */
export function only(...kinds: AccountKind[]): MiddlewareHandler<AppEnv> {
  return async function onlyKinds(c, next) {
    requireKind(c, ...kinds);
    await next();
  };
}
