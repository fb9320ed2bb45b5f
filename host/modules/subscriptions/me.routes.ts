import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, requireUser, signedIn } from '../../http/index.ts';
import type { Grants } from './grants.ts';
import { AppParam, SubscriptionSchema, TemplateParam } from './schemas.ts';

const tags = ['me'];
const Revoked = z.object({ revoked: z.number().int().openapi({ description: 'Unused acceptances taken back (0 when there were none)' }) });

const routes = {
  list: createRoute({
    method: 'get', path: '/api/me/subscriptions', tags, security: signedIn,
    summary: 'The subscription messages apps may still send me: per app and template, how many acceptances are unused',
    responses: { 200: json(z.object({ subscriptions: z.array(SubscriptionSchema) })), ...errorResponses(401) },
  }),
  revokeApp: createRoute({
    method: 'delete', path: '/api/me/subscriptions/{appId}', tags, security: signedIn,
    summary: "Take back every unused acceptance of an app's templates: it can send me none of them until I accept again",
    request: { params: AppParam }, responses: { 200: json(Revoked), ...errorResponses(400, 401) },
  }),
  revokeTemplate: createRoute({
    method: 'delete', path: '/api/me/subscriptions/{appId}/{templateId}', tags, security: signedIn,
    summary: 'Take back the unused acceptances of one template of an app',
    request: { params: TemplateParam }, responses: { 200: json(Revoked), ...errorResponses(400, 401) },
  }),
};

/** Me › Subscriptions: what each app may still send me, and taking it back. */
export function subscriptionMeRoutes(grants: Grants) {
  const app = apiRoutes();
  app.openapi(routes.list, async (c) => c.json({ subscriptions: await grants.listFor(requireUser(c).id) }, 200));
  app.openapi(routes.revokeApp, async (c) => c.json({ revoked: await grants.revoke(requireUser(c).id, c.req.valid('param').appId) }, 200));
  app.openapi(routes.revokeTemplate, async (c) => {
    const { appId, templateId } = c.req.valid('param');
    return c.json({ revoked: await grants.revoke(requireUser(c).id, appId, templateId) }, 200);
  });
  return app;
}
