import { AtriumError, isErrorCode } from '../contract/errors.ts';

/** How a merchant backend reaches the Atrium host. */
export interface HostConnection {
  /** The host's address, e.g. `https://atrium.example.com`. */
  baseUrl: string;
  /** Per-request time limit; 10 seconds unless told. */
  timeoutMs?: number;
  /** A fetch to use instead of the global one (a proxy agent, or a test's in-process app). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * POSTs JSON to the host and returns the parsed answer, or throws AtriumError with the host's
 * stable code (`unauthorized`, `conflict`, ...), `network_error` when the host cannot be reached,
 * `timeout` when it does not answer in time.
 */
export function postJson<T>(connection: HostConnection, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return requestJson<T>(connection, 'POST', path, body, headers);
}

/** Any method; a body is sent as JSON when given. Errors as for postJson. */
export async function requestJson<T>(connection: HostConnection, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${path}`;
  const doFetch = connection.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  let res: Response;
  try {
    res = await doFetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(connection.timeoutMs ?? 10_000),
    });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') throw new AtriumError('timeout', `${url} did not answer in time.`);
    throw new AtriumError('network_error', `Could not reach ${url}: ${(err as Error).message}`);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AtriumError(res.ok ? 'internal' : 'network_error', `${url} answered ${res.status} with something other than JSON.`);
  }
  if (res.ok) return parsed as T;
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : 'internal';
  throw new AtriumError(code, typeof error?.message === 'string' ? error.message : `${url} answered ${res.status}.`, error?.details as never);
}
