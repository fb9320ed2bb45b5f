import { AtriumError, type ErrorCode, type Json } from '../../contract/index.ts';

/** The host's HTTP API as the CLI calls it: JSON in and out, errors as AtriumError. */
export interface Api {
  /** The host's address, without a trailing slash. */
  readonly host: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, options?: { timeoutMs?: number }): Promise<T>;
}

/** `http://127.0.0.1:3000/` → `http://127.0.0.1:3000`; null for anything but an http(s) URL. */
export function normalHost(raw: string): string | null {
  if (!URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const causes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host name',
  EAI_AGAIN: 'the host name did not resolve',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
};

/** Why fetch could not reach the host, as the system said it. */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return causes[cause.code] ?? cause.code;
  return typeof cause?.message === 'string' ? cause.message : (err as Error).message;
}

/**
 * A client for `host`, sending `token` as `Authorization: Bearer` when there is one. Failures
 * throw AtriumError: the host's own code, message and details; `network_error` when the host
 * cannot be reached; `timeout` when it does not answer in time (30 s unless told).
 *
 * @example
 * const api = apiClient('http://127.0.0.1:3000', token);
 * const { apps } = await api.get<{ apps: AppView[] }>('/api/merchant/apps');
 */
export function apiClient(host: string, token?: string): Api {
  async function call<T>(method: string, path: string, body: unknown, timeoutMs = 30_000): Promise<T> {
    const url = host + path;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new AtriumError('timeout', `the host at ${host} did not answer within ${timeoutMs / 1000} s`);
      throw new AtriumError('network_error', `the host is not reachable at ${host} (${causeOf(err)})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AtriumError('internal', `${method} ${url} answered ${res.status} ${res.statusText} with something other than JSON; is ${host} an Atrium host?`);
    }
    if (res.ok) return parsed as T;
    const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: Json } } | null)?.error;
    // A newer host may answer with a code this CLI does not know yet; it is still the one to show.
    const code = typeof error?.code === 'string' ? (error.code as ErrorCode) : res.status === 401 ? 'unauthorized' : 'internal';
    throw new AtriumError(code, typeof error?.message === 'string' ? error.message : `${method} ${url} answered ${res.status} ${res.statusText}`, error?.details);
  }
  return {
    host,
    get: (path) => call('GET', path, undefined),
    post: (path, body = {}, options = {}) => call('POST', path, body, options.timeoutMs),
  };
}
