import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { apiRoutes, errorResponses, requireUser, signedIn } from '../../http/index.ts';
import type { UserExport } from './export.ts';

const exportRoute = createRoute({
  method: 'get',
  path: '/api/me/export',
  tags: ['privacy'],
  summary: 'Everything Atrium keeps about the signed-in user, as one JSON file to download',
  description: 'The account, what each mini-program was allowed, the wallet with its statement, every order, and what mini-programs stored for the user.',
  security: signedIn,
  responses: {
    200: { description: 'The export (a download)', content: { 'application/json': { schema: z.unknown().openapi({ description: 'account, authorizations, wallet, orders, storage' }) } } },
    ...errorResponses(401),
  },
});

export function privacyRoutes(exportUser: (userId: string) => Promise<UserExport | undefined>) {
  const routes = apiRoutes();
  routes.openapi(exportRoute, async (c) => {
    const data = await exportUser(requireUser(c).id);
    if (!data) throw new AtriumError('unauthorized', 'This account no longer exists or is disabled.');
    c.header('content-disposition', `attachment; filename="atrium-export-${data.exportedAt.slice(0, 10)}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(data, 200);
  });
  return routes;
}
