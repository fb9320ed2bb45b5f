import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json } from '../../http/index.ts';
import type { AppsService } from './service.ts';

const AppSummary = z
  .object({ id: z.string(), merchantId: z.string(), name: z.string(), category: z.string(), description: z.string(), version: z.string(), iconUrl: z.string().nullable() })
  .openapi('AppSummary');

const directory = createRoute({
  method: 'get',
  path: '/api/apps',
  summary: 'The directory of released mini-programs',
  request: { query: z.object({ search: z.string().max(100).optional(), category: z.string().max(40).optional() }) },
  responses: { 200: json(z.object({ apps: z.array(AppSummary) })), ...errorResponses(400) },
});

const categories = createRoute({
  method: 'get',
  path: '/api/apps/categories',
  summary: 'Categories that have released apps',
  responses: { 200: json(z.object({ categories: z.array(z.string()) })) },
});

/** Directory routes, open to everyone, and each version's static assets. */
export function appsRoutes(apps: AppsService) {
  const routes = apiRoutes();
  routes.openapi(directory, async (c) => {
    const { search, category } = c.req.valid('query');
    return c.json({ apps: await apps.directory({ search, category }) }, 200);
  });
  routes.openapi(categories, async (c) => c.json({ categories: await apps.categories() }, 200));
  routes.get('/api/apps/:appId/icon', async function icon(c) {
    const i = await apps.icon(c.req.param('appId'));
    return c.body(new Uint8Array(i.bytes), 200, {
      'content-type': i.contentType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=300',
    });
  });
  // Assets are addressed by version, so a session keeps the images of the version it runs.
  routes.get('/api/versions/:versionId/assets/*', async function asset(c) {
    const versionId = c.req.param('versionId');
    const path = decodeURIComponent(new URL(c.req.url).pathname.split(`/api/versions/${versionId}/`)[1] ?? '');
    const a = await apps.asset(versionId, path);
    return c.body(new Uint8Array(a.bytes), 200, {
      'content-type': a.contentType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return routes;
}
