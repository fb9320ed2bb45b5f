import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { accountKinds, type AccountKind, type AppEnv } from './env.ts';

/**
 * The browser's sessions: an httpOnly cookie per kind of account, each holding the same JWT a
 * tool sends as a bearer token. One browser can so be a shopper in the shell, a merchant in
 * /console and an admin in /admin at once, and signing in as one does not sign out the others.
 */
export const sessionCookieName = (kind: AccountKind): string => `atrium_${kind}`;
export const SESSION_COOKIE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Atrium's own pages say which of the browser's accounts a request acts for. Requests without it
 * (an EventSource cannot set headers) use the first session the browser has: user, merchant, admin.
 */
export const ACCOUNT_HEADER = 'x-atrium-account';

/**
 * httpOnly so no script (ours or anyone's) can read it; SameSite=Lax so other sites' subrequests
 * do not carry it (the Origin check in csrf.ts covers what Lax lets through); Secure except in
 * development over plain http.
 */
function options(c: Context<AppEnv>) {
  return { httpOnly: true, sameSite: 'Lax', secure: c.get('secureCookies'), path: '/' } as const;
}

export function setSessionCookie(c: Context<AppEnv>, kind: AccountKind, token: string): void {
  setCookie(c, sessionCookieName(kind), token, { ...options(c), maxAge: SESSION_COOKIE_SECONDS });
}

export function clearSessionCookie(c: Context<AppEnv>, kind: AccountKind): void {
  deleteCookie(c, sessionCookieName(kind), options(c));
}

/** The kind the request says it acts for, when it names one. */
export function requestedKind(c: Context<AppEnv>): AccountKind | undefined {
  const named = c.req.header(ACCOUNT_HEADER)?.trim().toLowerCase();
  return accountKinds.find((k) => k === named);
}

/**
 * The request's session cookies: `acting` is the one it acts with (the kind it names, else the
 * first it has); `any` says whether it carries one at all, which the cross-site check needs.
 */
export function readSessionCookies(c: Context<AppEnv>): { acting?: { kind: AccountKind; token: string }; any: boolean } {
  // One parse of the Cookie header per request, not one per kind.
  const jar = getCookie(c);
  const named = requestedKind(c);
  let acting: { kind: AccountKind; token: string } | undefined;
  for (const kind of named ? [named] : accountKinds) {
    const token = jar[sessionCookieName(kind)];
    if (token) {
      acting = { kind, token };
      break;
    }
  }
  return { acting, any: accountKinds.some((k) => Boolean(jar[sessionCookieName(k)])) };
}
