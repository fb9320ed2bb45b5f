import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireAdmin, signedIn } from '../../http/index.ts';
import { ReportSchema } from './schemas.ts';
import type { Messaging } from './service.ts';

const tags = ['admin'];
const routes = {
  reports: createRoute({ method: 'get', path: '/api/admin/reports', tags, summary: 'Reported messages, oldest first', security: signedIn, request: { query: z.object({ status: z.enum(['open', 'removed', 'dismissed']).optional() }) }, responses: { 200: json(z.object({ reports: z.array(ReportSchema) })), ...errorResponses(400, 401) } }),
  decide: createRoute({
    method: 'post', path: '/api/admin/reports/{reportId}/decide', tags, security: signedIn,
    summary: 'Remove the reported message (and mute its sender there for some minutes), or dismiss the report',
    request: { params: z.object({ reportId: z.string().min(1).max(64) }), body: jsonBody(z.object({ remove: z.boolean(), muteMinutes: z.number().int().min(1).max(43_200).optional() }).strict()) },
    responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses(400, 401, 404) },
  }),
};

/** The admin's side of messaging: what members reported, and the decision. */
export function messagingAdminRoutes(m: Messaging) {
  const app = apiRoutes();
  app.openapi(routes.reports, async (c) => {
    requireAdmin(c);
    return c.json({ reports: await m.reports.list(c.req.valid('query').status) }, 200);
  });
  app.openapi(routes.decide, async (c) => {
    const admin = requireAdmin(c);
    await m.reports.decide(admin.id, c.req.valid('param').reportId, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  return app;
}
