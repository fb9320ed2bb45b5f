import type { IncomingHttpHeaders } from 'node:http';

/**
 * Request headers a program may not set. Hop-by-hop headers and framing (`content-length`,
 * `transfer-encoding`, `expect`) belong to the host's HTTP client, which frames the body itself;
 * `host` would let a program aim an allowlisted connection at another virtual host; `cookie` is
 * the user's browser state, never the program's. `authorization` stays: a program authenticates
 * to its own backend.
 */
const droppedRequest = new Set([
  'connection',
  'content-length',
  'cookie',
  'expect',
  'host',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The program's headers, lower-cased, minus the ones above and any `proxy-*`. */
export function requestHeaders(given: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    const key = name.toLowerCase();
    if (droppedRequest.has(key) || key.startsWith('proxy-')) continue;
    out[key] = value;
  }
  return out;
}

/** Bounds that match the contract's result schema, so a chatty server cannot make the answer invalid. */
const maxResponseHeaders = 64;
const maxNameLength = 256;
const maxValueLength = 8192;

/**
 * Response headers dropped: `set-cookie` because a program has no cookie jar and a session cookie
 * is not something to hand to sandboxed code; hop-by-hop ones because they describe the host's
 * connection, not the answer.
 */
const droppedResponse = new Set(['set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-authenticate', 'trailer', 'upgrade']);

/**
 * What the program sees of the response headers. An over-long header is left out rather than cut
 * (a truncated value is a wrong value); past the count bound the rest are left out.
 */
export function responseHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(raw)) {
    if (count >= maxResponseHeaders) break;
    if (value === undefined || droppedResponse.has(name) || name.length > maxNameLength) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    if (joined.length > maxValueLength) continue;
    out[name] = joined;
    count++;
  }
  return out;
}
