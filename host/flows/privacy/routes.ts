import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { apiRoutes, clearSessionCookie, errorResponses, json, jsonBody, requireUser, signedIn } from '../../http/index.ts';
import type { UserExport } from './export.ts';

const exportRoute = createRoute({
  method: 'get',
  path: '/api/me/export',
  tags: ['privacy'],
  summary: 'Everything Atrium keeps about the signed-in user, as one JSON file to download',
  description: 'The account, what each mini-program was allowed, the wallet with its statement, every order, what mini-programs stored for the user, and the subscription messages they accepted.',
  security: signedIn,
  responses: {
    200: { description: 'The export (a download)', content: { 'application/json': { schema: z.unknown().openapi({ description: 'account, authorizations, wallet, orders, withdrawals, storage, subscriptions' }) } } },
    ...errorResponses(401),
  },
});

const eraseRoute = createRoute({
  method: 'post',
  path: '/api/me/erase',
  tags: ['privacy'],
  summary: 'Erase the signed-in account: sessions end, stored data, permission decisions and subscription grants are deleted, the email, name and password are gone',
  description:
    'Asks for the password again (403 forbidden when wrong, throttled like signing in). Refused with 409 conflict, and changing nothing, while the wallet holds money or an order is held, being refunded or disputed: `details` says which. Orders and the books keep the account id.',
  security: signedIn,
  request: { body: jsonBody(z.object({ password: z.string().min(1, 'required').max(256) }).strict()) },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Erased'), ...errorResponses(400, 401, 403, 409, 429) },
});

export function privacyRoutes(o: { exportUser: (userId: string) => Promise<UserExport | undefined>; erase: (userId: string, password: string) => Promise<void> }) {
  const { exportUser } = o;
  const routes = apiRoutes();
  routes.openapi(eraseRoute, async (c) => {
    const user = requireUser(c);
    await o.erase(user.id, c.req.valid('json').password);
    clearSessionCookie(c, 'user');
    return c.json({ ok: true as const }, 200);
  });
  routes.openapi(exportRoute, async (c) => {
    const data = await exportUser(requireUser(c).id);
    if (!data) throw new AtriumError('unauthorized', 'This account no longer exists or is disabled.');
    c.header('content-disposition', `attachment; filename="atrium-export-${data.exportedAt.slice(0, 10)}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(data, 200);
  });
  return routes;
}
