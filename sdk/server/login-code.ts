import { postJson, type HostConnection } from './request.ts';

export interface LoginCodeExchange extends HostConnection {
  appId: string;
  /** The app secret from the merchant console. Keep it on your server, never in the program. */
  appSecret: string;
  /** The code your mini-program got from `auth.login()` and sent to your backend. */
  code: string;
}

export interface LoginIdentity {
  /** The user as this app sees them: stable, and different in each of your apps. */
  openid: string;
  /** The user across all of your apps: join your own data on it. */
  unionid: string;
}

/**
 * Trades a mini-program's login code for the user's openid and unionid. A code works once and
 * for five minutes. Throws an AtriumError whose `code` says why: `unauthorized` (wrong app secret),
 * `not_found` (unknown code, or another app's), `conflict` (already used), `expired`.
 * @example
 * import { exchangeLoginCode } from 'atrium/server';
 * const { openid } = await exchangeLoginCode({
 *   baseUrl: 'https://atrium.example.com', appId: 'shop', appSecret: process.env.SHOP_SECRET!, code: req.body.code,
 * });
 */
export function exchangeLoginCode(options: LoginCodeExchange): Promise<LoginIdentity> {
  // btoa over UTF-8 bytes rather than Buffer, so this also runs on edge runtimes.
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`${options.appId}:${options.appSecret}`)));
  return postJson<LoginIdentity>(options, `/api/apps/${encodeURIComponent(options.appId)}/login-codes/exchange`, { code: options.code }, { authorization: `Basic ${basic}` });
}
