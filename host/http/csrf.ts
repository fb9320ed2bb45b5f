import type { Context } from 'hono';
import { AtriumError } from '../../sdk/contract/errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return stateChanging.has(method.toUpperCase());
}

/** The origin a browser says the request came from: Origin, else the Referer's origin. */
function claimedOrigin(c: Context): string | null {
  // An opaque origin ("null", from sandboxed frames and some redirects) fails the comparison below.
  const origin = c.req.header('origin');
  if (origin) return origin;
  const referer = c.req.header('referer');
  if (!referer) return null;
  return URL.canParse(referer) ? new URL(referer).origin : 'null';
}

/**
 * Whether `origin` is this host. A browser on another site cannot forge the Host header of a
 * request it sends here, so the request's own host is the reference. Only the authority is
 * compared because behind a TLS-terminating proxy the request arrives as http while the browser
 * says https; `trusted` lists further exact origins (a separate console domain, say).
 */
function isOwnOrigin(c: Context, origin: string, trusted: ReadonlySet<string>): boolean {
  if (trusted.has(origin)) return true;
  if (!URL.canParse(origin)) return false;
  const claimed = new URL(origin);
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return claimed.host.toLowerCase() === host.toLowerCase();
}

/**
 * Cross-site request forgery: a state-changing request that would ride the session cookie, or
 * that a browser marks as coming from a page (it sent an Origin), must come from this host.
 * Tools sending a bearer token are exempt: a cross-site page cannot set that header.
 */
export function checkOrigin(c: Context, options: { hasCookie: boolean; trusted: ReadonlySet<string> }): void {
  const origin = claimedOrigin(c);
  if (origin === null) {
    if (options.hasCookie) throw new AtriumError('forbidden', 'A request made with the session cookie must carry an Origin header.');
    return;
  }
  if (!isOwnOrigin(c, origin, options.trusted)) {
    throw new AtriumError('forbidden', 'Cross-site requests are not accepted.');
  }
}
