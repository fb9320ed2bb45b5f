import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** The caller's address when nothing says it (a request made in process, as tests do). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The address a request came from. With `trustedProxies` reverse proxies in front, each appending
 * the address it was reached from to X-Forwarded-For, the client is the entry that many hops from
 * the socket: what the outermost trusted proxy saw. Entries further left are the client's own
 * say and are never believed.
 */
export function clientAddress(c: Context<AppEnv>, trustedProxies: number): string {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress ?? UNKNOWN_ADDRESS;
  if (trustedProxies === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  const client = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return isIP(client) ? client : socket;
}

/** Sets `clientAddress` for every request, for whatever counts by source (sign-in throttling). */
export function readClientAddress(trustedProxies: number): MiddlewareHandler<AppEnv> {
  return async function setClientAddress(c, next) {
    c.set('clientAddress', clientAddress(c, trustedProxies));
    await next();
  };
}
