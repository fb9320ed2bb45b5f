/**
 * The host's HTTP API for Atrium's own pages, typed by the routes (./schema.ts, generated): a path
 * that is not a route, a missing parameter or a body of the wrong shape does not compile. Calls
 * are same-origin and carry the session cookie of the page's kind of account (common/http.ts).
 *
 * @example
 * const { items } = await must(api.GET('/api/admin/reviews', { signal }));
 * await must(api.POST('/api/admin/apps/{appId}/suspend', { params: { path: { appId } }, body: { reason } }));
 */
import createClient from 'openapi-fetch';
import { ApiError, errorOf, pageAccountKind } from '../common/http.ts';
import type { components, paths } from './schema.ts';

/** The shapes the API answers with, by their names in the document: `Schemas['App']`. */
export type Schemas = components['schemas'];

export const api = createClient<paths>({ credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });

api.use({
  onRequest({ request }) {
    // Read per call: one script serves every address of its site, and the address says the kind.
    request.headers.set('x-atrium-account', pageAccountKind(location.pathname));
    return request;
  },
});

/**
 * The data of a successful answer; otherwise an `ApiError` with the host's code and message (0 and
 * `network_error` when the host could not be reached). An abort is passed on as it is.
 */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: Awaited<typeof call>;
  try {
    answer = await call;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'Atrium could not be reached. Check your connection and try again.');
  }
  if (!answer.response.ok) throw errorOf(answer.response.status, answer.error);
  return answer.data as T;
}

/** For `.catch`: a 404 becomes null, so a page can say "no such thing" instead of failing. */
export function nullIfMissing(e: unknown): null {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}

/** The JSON body a route takes: `Body<'/api/admin/disputes/{disputeId}/decide', 'post'>`. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** What a route answers with when it succeeds: `Answer<'/api/merchant/webhooks/endpoints', 'post'>`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Success<R> : never;
type Success<R> = R extends { 200: { content: { 'application/json': infer A } } } ? A : R extends { 201: { content: { 'application/json': infer A } } } ? A : never;
