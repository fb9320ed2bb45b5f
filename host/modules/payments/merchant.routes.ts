import { z } from '@hono/zod-openapi';
import { apiRoutes, check, readJson, requireAdmin, requireMerchant } from '../../http/index.ts';
import { idempotency } from './idempotency.ts';
import type { Payments } from './service.ts';

const Reason = z.string().trim().min(4, 'at least 4 characters').max(500);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "CNY"');
const Limit = z.coerce.number().int().min(1).max(200).optional();

/**
 * The merchant API (orders, shipping, refunds, refund requests, dispute answers, balance) and the
 * admin's dispute decisions. Every merchant write accepts an `Idempotency-Key`.
 */
export function paymentMerchantRoutes(payments: Payments) {
  const app = apiRoutes();
  const idempotent = idempotency(payments.db);
  const scope = (merchantId: string) => `merchant:${merchantId}`;

  app.get('/api/merchant/orders', async (c) => {
    const merchantId = requireMerchant(c).id;
    const limit = check(Limit, c.req.query('limit'));
    return c.json({ orders: await payments.orders.list({ merchantId }, { appId: c.req.query('appId'), before: c.req.query('before'), limit }) });
  });
  app.get('/api/merchant/orders/:orderId', async (c) => c.json({ order: await payments.orders.get({ merchantId: requireMerchant(c).id }, c.req.param('orderId')) }));
  app.post('/api/merchant/orders/:orderId/ship', async (c) => {
    const merchantId = requireMerchant(c).id;
    const orderId = c.req.param('orderId');
    return idempotent(c, scope(merchantId), {}, async () => {
      await payments.settlement.ship(merchantId, orderId);
      return { order: await payments.orders.get({ merchantId }, orderId) };
    });
  });
  app.post('/api/merchant/orders/:orderId/refunds', async (c) => {
    const merchantId = requireMerchant(c).id;
    const input = await readJson(c, z.object({ amount: z.number().int().min(1).optional(), reason: Reason, outRefundNo: z.string().min(1).max(64).optional() }).strict());
    return idempotent(c, scope(merchantId), input, async () => ({ refund: await payments.refunds.refund({ merchantId }, c.req.param('orderId'), input) }));
  });
  for (const [verb, approve] of [['approve', true], ['reject', false]] as const) {
    app.post(`/api/merchant/refunds/:refundId/${verb}`, async (c) => {
      const merchantId = requireMerchant(c).id;
      return idempotent(c, scope(merchantId), {}, async () => ({ refund: await payments.refunds.decide(merchantId, c.req.param('refundId'), approve) }));
    });
  }
  app.get('/api/merchant/disputes', async (c) => c.json({ disputes: await payments.disputes.list({ merchantId: requireMerchant(c).id }) }));
  app.post('/api/merchant/disputes/:disputeId/answer', async (c) => {
    const merchantId = requireMerchant(c).id;
    const { answer } = await readJson(c, z.object({ answer: Reason }).strict());
    return idempotent(c, scope(merchantId), { answer }, async () => ({ dispute: await payments.disputes.answer(merchantId, c.req.param('disputeId'), answer) }));
  });
  app.get('/api/merchant/balance', async (c) => c.json(await payments.merchantBalances(requireMerchant(c).id)));
  app.get('/api/merchant/statement', async (c) => {
    const currency = check(Currency, c.req.query('currency') ?? 'CNY');
    return c.json({ entries: await payments.merchantStatement(requireMerchant(c).id, currency, { before: c.req.query('before') }) });
  });

  app.get('/api/admin/disputes', async (c) => {
    requireAdmin(c);
    const status = check(z.enum(['open', 'answered', 'resolved']).optional(), c.req.query('status'));
    return c.json({ disputes: await payments.disputes.list({ status }) });
  });
  app.post('/api/admin/disputes/:disputeId/decide', async (c) => {
    const adminId = requireAdmin(c).id;
    const body = await readJson(
      c,
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('release'), note: Reason }).strict(),
        z.object({ decision: z.literal('refund'), amount: z.number().int().min(1).optional(), note: Reason }).strict(),
      ]),
    );
    const decision = body.decision === 'refund' ? { decision: 'refund' as const, amount: body.amount } : { decision: 'release' as const };
    return c.json({ dispute: await payments.disputes.decide(adminId, c.req.param('disputeId'), decision, body.note) });
  });
  return app;
}
