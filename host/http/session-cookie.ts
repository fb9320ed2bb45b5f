import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** The browser's session: an httpOnly cookie holding the same JWT a tool sends as a bearer token. */
export const SESSION_COOKIE = 'atrium_session';
export const SESSION_COOKIE_SECONDS = 7 * 24 * 60 * 60;

/**
 * httpOnly so no script (ours or anyone's) can read it; SameSite=Lax so other sites' subrequests
 * do not carry it (the Origin check in csrf.ts covers what Lax lets through); Secure except in
 * development over plain http.
 */
function options(c: Context<AppEnv>) {
  return { httpOnly: true, sameSite: 'Lax', secure: c.get('secureCookies'), path: '/' } as const;
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...options(c), maxAge: SESSION_COOKIE_SECONDS });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, options(c));
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}
