/**
 * The host's HTTP API as the shell uses it: same-origin fetches that carry the httpOnly session
 * cookie. The browser adds the Origin header to state-changing requests, which the host checks.
 */
import type { Json, ShellEvent } from '../../../sdk/contract/view.ts';
import type { ViewUpdate } from '../../../runtime/index.ts';
import type { AccountView as Account } from '../../modules/identity/index.ts';
import type { AppSummary } from '../../modules/apps/index.ts';
import type { Opened as OpenedApp } from '../../sessions/index.ts';

// The server's own types, imported as types only: nothing of the server reaches the bundle.
export type { AccountView as Account } from '../../modules/identity/index.ts';
export type { AppSummary } from '../../modules/apps/index.ts';
export type { Opened as OpenedApp } from '../../sessions/index.ts';

export interface Authorization {
  appId: string;
  scope: string;
  granted: boolean;
  decidedAt: string;
}

/** An answer that was not a success: the host's stable code and its human message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
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

/** The `{ error: { code, message } }` of a failed answer, or a plain one when it has none. */
export function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return new ApiError(status, e.code, e.message);
  return new ApiError(status, status === 401 ? 'unauthorized' : 'internal', status === 401 ? 'Please sign in.' : `Something went wrong (${status}).`);
}

const seg = encodeURIComponent;

export const api = {
  /** The signed-in account, or null when nobody is. */
  async me(): Promise<Account | null> {
    try {
      return await request<Account>('GET', '/api/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  signup: (body: { email: string; password: string; displayName: string }) => request<Account>('POST', '/api/auth/signup', body),
  login: (body: { email: string; password: string }) => request<{ account: Account }>('POST', '/api/auth/login', body).then((r) => r.account),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),

  apps(filter: { search?: string; category?: string } = {}): Promise<AppSummary[]> {
    const q = new URLSearchParams();
    if (filter.search) q.set('search', filter.search);
    if (filter.category) q.set('category', filter.category);
    const qs = q.toString();
    return request<{ apps: AppSummary[] }>('GET', `/api/apps${qs ? `?${qs}` : ''}`).then((r) => r.apps);
  },
  categories: () => request<{ categories: string[] }>('GET', '/api/apps/categories').then((r) => r.categories),

  open: (appId: string, body: { route?: string; query?: Record<string, string> }) => request<OpenedApp>('POST', `/api/apps/${seg(appId)}/sessions`, body),
  event: (sessionId: string, event: ShellEvent) => request<{ frame: ViewUpdate }>('POST', `/api/sessions/${seg(sessionId)}/events`, event).then((r) => r.frame),
  answer: (sessionId: string, promptId: string, answer: boolean) => request<{ ok: true }>('POST', `/api/sessions/${seg(sessionId)}/prompts/${seg(promptId)}`, { answer }),
  close: (sessionId: string) => request<{ ok: true }>('DELETE', `/api/sessions/${seg(sessionId)}`),
  streamUrl: (sessionId: string) => `/api/sessions/${seg(sessionId)}/stream`,
  /** A program image: `assets/x.png` of the view is `/api/versions/<versionId>/assets/x.png`. */
  assetUrl: (versionId: string, path: string) => `/api/versions/${seg(versionId)}/${path.split('/').map(seg).join('/')}`,

  authorizations: () => request<{ authorizations: Authorization[] }>('GET', '/api/me/authorizations').then((r) => r.authorizations),
  revoke: (appId: string, scope: string) => request<{ ok: true }>('DELETE', `/api/me/authorizations/${seg(appId)}/${seg(scope)}`),
};

export type Api = typeof api;
export type { Json, ShellEvent, ViewUpdate };
