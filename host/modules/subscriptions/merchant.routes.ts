import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, claimOf, errorResponses, idempotentJson, json, jsonBody, requireMerchantOrApp, signedIn } from '../../http/index.ts';
import { AppParam, SendInput, SentMessageSchema } from './schemas.ts';
import type { SubscriptionSender } from './send.ts';

const IdempotencyKey = z.object({ 'idempotency-key': z.string().max(255).optional().openapi({ description: 'The same key again answers with the first result and sends nothing' }) });

const send = createRoute({
  method: 'post',
  path: '/api/merchant/apps/{appId}/subscription-messages',
  tags: ['merchant'],
  summary: "Send a subscription message to a user who accepted the template: it uses one of their acceptances (409 no_grant when none is left) and lands in their service notifications",
  security: [...signedIn, { appSecret: [] }],
  request: { params: AppParam, headers: IdempotencyKey, body: jsonBody(SendInput) },
  responses: { 200: json(z.object({ message: SentMessageSchema })), ...errorResponses(400, 401, 403, 404, 409) },
});

/** The merchant API for subscription messages: the merchant, or its backend with the app's secret. */
export function subscriptionMerchantRoutes(sender: SubscriptionSender) {
  const app = apiRoutes();
  app.openapi(send, async (c) => {
    const p = requireMerchantOrApp(c);
    const { appId } = c.req.valid('param');
    const input = c.req.valid('json');
    return idempotentJson(c, await sender.send({ merchantId: p.id, appId: p.appId }, appId, input, claimOf(c, `app:${appId}`, input)));
  });
  return app;
}
