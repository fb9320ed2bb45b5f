/**
 * The host's HTTP API as the shell uses it (the request helper and sign-in are shared with the
 * consoles, in ../common/http.ts).
 */
import type { Json, ShellEvent } from '../../../sdk/contract/view.ts';
import type { ViewUpdate } from '../../../runtime/index.ts';
import type { AppSummary } from '../../modules/apps/index.ts';
import type { Opened as OpenedApp } from '../../sessions/index.ts';
import { auth, queryString, request, seg } from '../common/http.ts';

// The server's own types, imported as types only: nothing of the server reaches the bundle.
export { ApiError } from '../common/http.ts';
export type { Account } from '../common/http.ts';
export type { AppSummary } from '../../modules/apps/index.ts';
export type { Opened as OpenedApp } from '../../sessions/index.ts';

export interface Authorization {
  appId: string;
  scope: string;
  granted: boolean;
  decidedAt: string;
}

export const api = {
  /** The signed-in account (of any kind), or null when nobody is. */
  me: auth.me,
  signup: (body: { email: string; password: string; displayName: string }) => auth.signup({ ...body, kind: 'user' }),
  login: (body: { email: string; password: string }) => auth.login({ ...body, kind: 'user' }),
  logout: auth.logout,

  apps: (filter: { search?: string; category?: string } = {}) => request<{ apps: AppSummary[] }>('GET', `/api/apps${queryString(filter)}`).then((r) => r.apps),
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
