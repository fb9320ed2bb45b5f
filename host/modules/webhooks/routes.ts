import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireMerchant, signedIn } from '../../http/index.ts';
import { eventTypes } from '../../../sdk/contract/event-names.ts';
import type { DeliveryView, EndpointView, Webhooks } from './service.ts';

const tags = ['webhooks'];
const Endpoint = z.custom<EndpointView>().openapi('WebhookEndpoint', { type: 'object' });
const Delivery = z.custom<DeliveryView>().openapi('WebhookDelivery', { type: 'object' });
const Attempt = z.object({ id: z.string(), at: z.string(), status: z.number().nullable(), error: z.string().nullable(), durationMs: z.number() });
const delivery = z.object({ deliveryId: z.string().min(1).max(64) });

const routes = {
  endpoints: createRoute({ method: 'get', path: '/api/merchant/webhooks/endpoints', tags, summary: 'Your webhook endpoints', security: signedIn, responses: { 200: json(z.object({ endpoints: z.array(Endpoint) })), ...errorResponses(401) } }),
  add: createRoute({
    method: 'post',
    path: '/api/merchant/webhooks/endpoints',
    tags,
    summary: 'Register an endpoint; its whsec_ signing secret is in this answer',
    security: signedIn,
    request: { body: jsonBody(z.object({ url: z.string().max(2000), events: z.array(z.enum(['*', ...eventTypes] as [string, ...string[]])).max(20).optional() }).strict()) },
    responses: { 201: json(z.object({ endpoint: Endpoint.and(z.object({ secret: z.string().openapi({ description: 'whsec_…: checks the signature of every request; only this answer has it' }) })) })), ...errorResponses(400, 401, 429) },
  }),
  remove: createRoute({ method: 'delete', path: '/api/merchant/webhooks/endpoints/{endpointId}', tags, summary: 'Stop sending to an endpoint', security: signedIn, request: { params: z.object({ endpointId: z.string().min(1).max(64) }) }, responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses(401, 404) } }),
  deliveries: createRoute({
    method: 'get',
    path: '/api/merchant/webhooks/deliveries',
    tags,
    summary: 'The delivery log, newest first',
    security: signedIn,
    request: { query: z.object({ endpointId: z.string().max(64).optional(), status: z.enum(['pending', 'delivered', 'failed']).optional() }) },
    responses: { 200: json(z.object({ deliveries: z.array(Delivery) })), ...errorResponses(400, 401) },
  }),
  attempts: createRoute({ method: 'get', path: '/api/merchant/webhooks/deliveries/{deliveryId}/attempts', tags, summary: "A delivery's attempts: when, the answer, how long", security: signedIn, request: { params: delivery }, responses: { 200: json(z.object({ attempts: z.array(Attempt) })), ...errorResponses(401, 404) } }),
  redeliver: createRoute({ method: 'post', path: '/api/merchant/webhooks/deliveries/{deliveryId}/redeliver', tags, summary: 'Send the event again now, with the same webhook-id: a delivery of it still pending is the one sent, else a new one', security: signedIn, request: { params: delivery }, responses: { 200: json(z.object({ delivery: Delivery })), ...errorResponses(401, 404) } }),
};

/** Merchants' webhook endpoints and the delivery log, for the console and the API. */
export function webhookRoutes(webhooks: Webhooks) {
  const app = apiRoutes();
  const merchant = (c: Parameters<typeof requireMerchant>[0]) => requireMerchant(c).id;
  app.openapi(routes.endpoints, async (c) => c.json({ endpoints: await webhooks.listEndpoints(merchant(c)) }, 200));
  app.openapi(routes.add, async (c) => c.json({ endpoint: await webhooks.addEndpoint(merchant(c), c.req.valid('json')) }, 201));
  app.openapi(routes.remove, async (c) => {
    await webhooks.removeEndpoint(merchant(c), c.req.valid('param').endpointId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.deliveries, async (c) => c.json({ deliveries: await webhooks.deliveries(merchant(c), c.req.valid('query')) }, 200));
  app.openapi(routes.attempts, async (c) => c.json({ attempts: await webhooks.attempts(merchant(c), c.req.valid('param').deliveryId) }, 200));
  app.openapi(routes.redeliver, async (c) => c.json({ delivery: await webhooks.redeliver(merchant(c), c.req.valid('param').deliveryId) }, 200));
  return app;
}
