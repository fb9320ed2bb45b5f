/**
 * The host's HTTP API as Atrium's own pages call it (shell and consoles): same-origin fetches that
 * carry the httpOnly session cookie. The browser adds the Origin header to state-changing
 * requests, which the host checks. Every failure becomes an `ApiError` with the host's stable code.
 */
import type { Json } from '../../../sdk/contract/view.ts';
import type { AccountView as Account } from '../../modules/identity/browser.ts';

export type { AccountView as Account } from '../../modules/identity/browser.ts';

/** An answer that was not a success: the host's stable code, its human message and its details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Json,
  ) {
    super(message);
  }
}

/**
 * Which of the browser's accounts this page acts for: the merchant console and the admin console
 * have their own, the shell is the user's. Each kind keeps its own session cookie, so one browser
 * can have all three open at once.
 */
export function pageAccountKind(pathname: string): Account['kind'] {
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'merchant';
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'admin';
  return 'user';
}

/** One call of the host's API; `headers` for the few that take more (an `Idempotency-Key`). */
export async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  const base = { accept: 'application/json', 'x-atrium-account': pageAccountKind(location.pathname) };
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { ...base, ...headers } : { ...base, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A session closed as the page goes away still reaches the host.
      keepalive: method === 'DELETE',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Atrium could not be reached. Check your connection and try again.');
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  throw errorOf(res.status, data);
}

/** The `{ error: { code, message, details? } }` of a failed answer, or a plain one when it has none. */
export function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return new ApiError(status, e.code, e.message, e.details as Json | undefined);
  return new ApiError(status, status === 401 ? 'unauthorized' : 'internal', status === 401 ? 'Please sign in.' : `Something went wrong (${status}).`);
}

/** A fresh key for one write that must not happen twice (a retried refund, a double tap). */
export function idempotencyKey(): string {
  // getRandomValues, not randomUUID: the latter exists only on https (and localhost).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One path segment, escaped. */
export const seg = encodeURIComponent;

/** `?a=1&b=2` of the values that are set, or ''. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A failure as a form shows it: the host's message, with a field-by-field one naming each field
 * the way the form labels it (`Email: not a valid email address`, one a line).
 */
export function formMessage(e: unknown, labels: Record<string, string>): string {
  if (!(e instanceof ApiError)) return 'Something went wrong. Try again.';
  if (e.code !== 'invalid_request' && e.code !== 'invalid_args') return e.message;
  return e.message
    .split('; ')
    .map((part) => part.replace(/^(\w+): /, (_, f: string) => `${labels[f] ?? f}: `))
    .join('\n');
}

/** The call failed because nobody (of the right kind) is signed in any more. */
export function isSignedOut(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401;
}
