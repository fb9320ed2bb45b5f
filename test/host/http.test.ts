import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { AtriumError, errorCodes, type ErrorCode } from '../../sdk/contract/errors.ts';
import {
  apiRoutes,
  createHttpApp,
  json,
  jsonBody,
  requireAdmin,
  requireMerchant,
  requireUser,
  setSessionCookie,
  statusFor,
  type AccountKind,
  type HttpDeps,
} from '../../host/http/index.ts';

/** The HTTP foundation on its own: a token verifier that trusts `kind:id` tokens, and test routes. */
function testApp(overrides: Partial<HttpDeps> = {}) {
  const logged: string[] = [];
  const routes = apiRoutes();
  routes.get('/api/test/throw/:code', (c) => {
    throw new AtriumError(c.req.param('code') as ErrorCode, `thrown ${c.req.param('code')}`);
  });
  routes.get('/api/test/crash', () => {
    throw new Error('connection string postgres://secret@db failed');
  });
  routes.get('/api/test/user', (c) => c.json(requireUser(c)));
  routes.get('/api/test/merchant', (c) => c.json(requireMerchant(c)));
  routes.get('/api/test/admin', (c) => c.json(requireAdmin(c)));
  routes.post('/api/test/cookie', (c) => {
    setSessionCookie(c, 'user', 'token');
    return c.json({ ok: true });
  });
  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/test/items/{itemId}',
      request: {
        params: z.object({ itemId: z.string().regex(/^\d+$/, 'digits only') }),
        query: z.object({ limit: z.coerce.number().int().max(100).optional() }),
        body: jsonBody(z.object({ name: z.string().min(1), price: z.object({ amount: z.number().int() }) })),
      },
      responses: { 200: json(z.object({ ok: z.boolean() })) },
    }),
    (c) => c.json({ ok: true }, 200),
  );
  const verifyToken = async (token: string) => {
    const [kind, id] = token.split(':');
    if (!id || !['user', 'merchant', 'admin'].includes(kind!)) throw new AtriumError('unauthorized', 'The token is invalid.');
    return { id, kind: kind as AccountKind };
  };
  const app = createHttpApp({ dev: false, verifyToken, routes: [routes], log: (line) => logged.push(line), ...overrides });
  return { app, logged };
}

describe('the HTTP foundation', () => {
  it('answers /healthz', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('maps every stable code to its status in one place, with the code and message in the body', async () => {
    const { app } = testApp();
    const expected: Partial<Record<ErrorCode, number>> = {
      invalid_args: 400, invalid_request: 400, unauthorized: 401, forbidden: 403, permission_denied: 403,
      not_found: 404, conflict: 409, expired: 410, session_ended: 410, too_large: 413, quota_exceeded: 429, rate_limited: 429, timeout: 408, gesture_required: 403, reply_window_closed: 403,
      checks_failed: 422, app_suspended: 403, wrong_pin: 403, payment_declined: 402, insufficient_funds: 409, payment_cancelled: 409, no_grant: 409, busy: 503,
    };
    for (const code of Object.keys(errorCodes) as ErrorCode[]) {
      const res = await app.request(`/api/test/throw/${code}`);
      const status = expected[code] ?? 500;
      expect(res.status, code).toBe(status);
      expect(statusFor(code)).toBe(status);
      const body = await res.json();
      expect(body, code).toEqual(status === 500 ? { error: { code: 'internal', message: errorCodes.internal } } : { error: { code, message: `thrown ${code}` } });
    }
  });

  it('hides a crash behind a generic 500 and logs it', async () => {
    const { app, logged } = testApp();
    const res = await app.request('/api/test/crash');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/postgres|secret|Error|at /);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: errorCodes.internal } });
    expect(logged.join('\n')).toMatch(/GET \/api\/test\/crash failed: Error: connection string/);
  });

  it('answers an unknown route with a not_found JSON body', async () => {
    const res = await testApp().app.request('/api/nothing/here', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for DELETE /api/nothing/here.' } });
  });

  it('turns schema failures into invalid_request naming the field', async () => {
    const { app } = testApp();
    const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const cases: [string, unknown, RegExp][] = [
      ['/api/test/items/12', { price: { amount: 1 } }, /^name: /],
      ['/api/test/items/12', { name: 'tea', price: { amount: 1.5 } }, /^price\.amount: /],
      ['/api/test/items/abc', { name: 'tea', price: { amount: 1 } }, /^param itemId: digits only/],
      ['/api/test/items/12?limit=1000', { name: 'tea', price: { amount: 1 } }, /^query limit: /],
    ];
    for (const [path, body, message] of cases) {
      const res = await post(path, body);
      expect(res.status, path).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
    expect((await post('/api/test/items/12?limit=5', { name: 'tea', price: { amount: 1 } })).status).toBe(200);
  });

  it('answers malformed JSON and bodies over the cap with their codes', async () => {
    const { app } = testApp({ maxBodyBytes: 1024 });
    const malformed = await app.request('/api/test/items/1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "tea",' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'invalid_request', message: 'The body is not valid JSON.' } });
    const big = await app.request('/api/test/items/1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(2048) }) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('too_large');
  });

  it('asks for the right kind of account: none or another kind is 401', async () => {
    const { app } = testApp();
    const get = (path: string, token?: string) => app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await get('/api/test/user')).status).toBe(401);
    expect(await (await get('/api/test/user', 'user:u1')).json()).toEqual({ id: 'u1', kind: 'user', via: 'bearer' });
    expect((await get('/api/test/merchant', 'user:u1')).status).toBe(401);
    expect((await get('/api/test/admin', 'merchant:m1')).status).toBe(401);
    expect((await get('/api/test/admin', 'admin:a1')).status).toBe(200);
    const bad = await get('/api/test/user', 'forged');
    expect(await bad.json()).toEqual({ error: { code: 'unauthorized', message: 'The token is invalid.' } });
    const cookie = await app.request('/api/test/merchant', { headers: { cookie: 'atrium_merchant=merchant:m1' } });
    expect(await cookie.json()).toEqual({ id: 'm1', kind: 'merchant', via: 'cookie' });
  });

  it("keeps each kind's browser session in a cookie of its own and acts for the kind the request names", async () => {
    const { app } = testApp();
    const both = 'atrium_user=user:u1; atrium_merchant=merchant:m1';
    const as = (path: string, kind?: string) => app.request(path, { headers: { cookie: both, ...(kind ? { 'x-atrium-account': kind } : {}) } });
    expect(await (await as('/api/test/merchant', 'merchant')).json()).toMatchObject({ id: 'm1', kind: 'merchant' });
    expect(await (await as('/api/test/user', 'user')).json()).toMatchObject({ id: 'u1', kind: 'user' });
    // Without a name, the first session the browser has: the user's.
    expect(await (await as('/api/test/user')).json()).toMatchObject({ id: 'u1' });
    expect((await as('/api/test/admin', 'admin')).status).toBe(401);
  });

  it("refuses a token carried in another kind's cookie", async () => {
    const { app } = testApp();
    const res = await app.request('/api/test/merchant', { headers: { cookie: 'atrium_merchant=user:u1', 'x-atrium-account': 'merchant' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/not valid/);
  });

  it('sets Secure session cookies outside development', async () => {
    const prod = await testApp().app.request('/api/test/cookie', { method: 'POST' });
    expect(prod.headers.get('set-cookie')).toMatch(/atrium_user=token;.*HttpOnly.*Secure.*SameSite=Lax/);
    const dev = await testApp({ dev: true }).app.request('/api/test/cookie', { method: 'POST' });
    expect(dev.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('accepts trusted origins besides its own for cookie-riding POSTs', async () => {
    const { app } = testApp({ trustedOrigins: ['https://console.example'] });
    const post = (origin: string) => app.request('/api/test/cookie', { method: 'POST', headers: { cookie: 'atrium_user=user:u1', origin } });
    expect((await post('https://console.example')).status).toBe(200);
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('http://localhost')).status).toBe(200);
  });
});
