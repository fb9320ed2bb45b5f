import { z } from '@hono/zod-openapi';
import { apiRoutes, readJson, requireMerchant } from '../../http/index.ts';
import type { Webhooks } from './service.ts';

/** Merchants' webhook endpoints and the delivery log, for the console and the API. */
export function webhookRoutes(webhooks: Webhooks) {
  const app = apiRoutes();
  app.get('/api/merchant/webhooks/endpoints', async (c) => c.json({ endpoints: await webhooks.listEndpoints(requireMerchant(c).id) }));
  app.post('/api/merchant/webhooks/endpoints', async (c) => {
    const merchantId = requireMerchant(c).id;
    const input = await readJson(c, z.object({ url: z.string().max(2000), events: z.array(z.string().max(40)).max(20).optional() }).strict());
    return c.json({ endpoint: await webhooks.addEndpoint(merchantId, input) }, 201);
  });
  app.delete('/api/merchant/webhooks/endpoints/:endpointId', async (c) => {
    await webhooks.removeEndpoint(requireMerchant(c).id, c.req.param('endpointId'));
    return c.json({ ok: true });
  });
  app.get('/api/merchant/webhooks/deliveries', async (c) => {
    const status = c.req.query('status');
    return c.json({
      deliveries: await webhooks.deliveries(requireMerchant(c).id, {
        endpointId: c.req.query('endpointId'),
        status: status === 'pending' || status === 'delivered' || status === 'failed' ? status : undefined,
      }),
    });
  });
  app.get('/api/merchant/webhooks/deliveries/:deliveryId/attempts', async (c) => c.json({ attempts: await webhooks.attempts(requireMerchant(c).id, c.req.param('deliveryId')) }));
  app.post('/api/merchant/webhooks/deliveries/:deliveryId/redeliver', async (c) => c.json({ delivery: await webhooks.redeliver(requireMerchant(c).id, c.req.param('deliveryId')) }));
  return app;
}
