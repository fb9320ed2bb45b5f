import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { AtriumError, type HostImplementation } from '../../../sdk/contract/index.ts';
import { domainAllowed } from '../../../lib/domains.ts';
import type { BridgeContext } from '../context.ts';
import { guardedLookup, isForbiddenAddress, RefusedAddressError, systemResolve, type Resolve } from './addresses.ts';
import { decodeBody, readCapped } from './body.ts';
import { requestHeaders, responseHeaders } from './headers.ts';
import { SessionSlots } from './slots.ts';

export { isForbiddenAddress, type Resolve, type ResolvedAddress } from './addresses.ts';

export interface NetBridgeOptions {
  /** Development: loopback and private addresses are reachable (a local backend), nothing else changes. */
  dev: boolean;
  /** The allowlist of the version the calling session runs (`network.domains` of its atrium.json). */
  domains: (ctx: BridgeContext) => Promise<readonly string[]> | readonly string[];
  /** Requests in flight at once per session; default 10. */
  maxConcurrent?: number;
  /** Response body cap in bytes; default 1 MiB. */
  maxResponseBytes?: number;
  /** Host name resolution, default the system's. Tests inject it so no DNS is needed. */
  resolve?: Resolve;
  /**
   * For tests only: one more CA certificate (PEM) to trust, on top of the system roots, so a local
   * HTTPS server with a throwaway certificate can be reached. Verification is never turned off.
   */
  testCa?: string;
}

const defaultTimeoutMs = 10_000;
/** undici's own timeout codes, for when they fire before the request's signal does. */
const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The host's `net` namespace: the manifest's allowlisted HTTPS hosts, bounded in time, size and concurrency. */
export function netBridge(options: NetBridgeOptions): HostImplementation<BridgeContext>['net'] {
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const slots = new SessionSlots(options.maxConcurrent ?? 10);
  // One pool for every session: connections are reused per origin, and every new one goes
  // through the guarded lookup. undici's request() follows no redirects, which is what we want.
  const dispatcher = new Agent({
    connect: {
      lookup: guardedLookup(options.resolve ?? systemResolve, !options.dev),
      // The contract's largest timeoutMs; the request's own signal is what normally ends a request.
      timeout: 15_000,
      ...(options.testCa ? { ca: [...rootCertificates, options.testCa] } : {}),
    },
  });

  return {
    async request(ctx, a) {
      const url = new URL(a.url);
      const host = url.hostname;
      if (url.protocol !== 'https:') throw new AtriumError('invalid_args', 'only https:// URLs can be requested');
      if (!domainAllowed(host, url.port, await options.domains(ctx))) {
        throw new AtriumError('domain_not_allowed', `${host} is not in network.domains of atrium.json`);
      }
      // A literal IP is connected to without any lookup, so the guarded lookup never sees it.
      // Refusals use `domain_not_allowed`, the code the contract gives for any destination a program
      // may not reach; `forbidden` means a signed-in user lacks a right, which would mislead.
      const literal = host.startsWith('[') ? host.slice(1, -1) : host;
      if (!options.dev && isIP(literal) !== 0 && isForbiddenAddress(literal)) {
        throw new AtriumError('domain_not_allowed', `${host} is a private or loopback address, which mini-programs may not reach`);
      }
      const release = slots.acquire(ctx.sessionId);
      if (!release) throw new AtriumError('rate_limited', `more than ${options.maxConcurrent ?? 10} requests at once; wait for one to finish`);

      const timeoutMs = a.timeoutMs ?? defaultTimeoutMs;
      const timer = AbortSignal.timeout(timeoutMs);
      const cap = new AbortController();
      const headers = requestHeaders(a.headers);
      let body: string | undefined;
      if (typeof a.body === 'string') body = a.body;
      else if (a.body !== undefined) {
        body = JSON.stringify(a.body);
        headers['content-type'] ??= 'application/json';
      }
      try {
        const res = await request(url, { method: a.method, headers, body, dispatcher, signal: AbortSignal.any([timer, cap.signal]) });
        const length = res.headers['content-length'];
        const bytes = await readCapped(res.body, typeof length === 'string' ? length : undefined, maxBytes, () => cap.abort(), host);
        const type = res.headers['content-type'];
        return {
          status: res.statusCode,
          headers: responseHeaders(res.headers),
          body: decodeBody(bytes, typeof type === 'string' ? type : undefined),
        };
      } catch (e) {
        throw failure(e, timer, host, timeoutMs);
      } finally {
        release();
      }
    },
  };
}

/** Maps whatever the HTTP client threw to the contract's codes, with a message a developer can act on. */
function failure(e: unknown, timer: AbortSignal, host: string, timeoutMs: number): AtriumError {
  if (e instanceof AtriumError) return e;
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    if (c instanceof RefusedAddressError) return new AtriumError('domain_not_allowed', c.message);
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (timer.aborted || (typeof code === 'string' && timeoutCodes.has(code))) {
    return new AtriumError('timeout', `${host} did not answer within ${timeoutMs} ms`);
  }
  return new AtriumError('network_error', `could not reach ${host}${typeof code === 'string' ? ` (${code})` : ''}`);
}
