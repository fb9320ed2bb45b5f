import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireAdmin, requireMerchant, requireMerchantOrApp, signedIn } from '../../http/index.ts';
import { idempotency, idempotencyKeyOf } from './idempotency.ts';
import { Balances, Currency, DisputeSchema, EntrySchema, Id, Limit, OrderSchema, PayoutCard, Reason, RefundSchema, WithdrawalSchema } from './schemas.ts';
import type { Payments } from './service.ts';

const tags = ['merchant'];
const order = z.object({ orderId: Id });
const IdempotencyKey = z.object({ 'idempotency-key': z.string().max(255).optional().openapi({ description: 'The same key again answers with the first result and does nothing' }) });
const writeErrors = errorResponses(400, 401, 404, 409);
/** The order API also takes an app's id and secret (Basic), for the merchant's own backend. */
const orderApi: Record<string, string[]>[] = [...signedIn, { appSecret: [] }];

const routes = {
  orders: createRoute({ method: 'get', path: '/api/merchant/orders', tags, summary: 'Your orders, newest first', security: orderApi, request: { query: z.object({ appId: z.string().max(128).optional(), before: z.string().max(64).optional().openapi({ description: 'The id of the last item of the previous page' }), limit: Limit }) }, responses: { 200: json(z.object({ orders: z.array(OrderSchema) })), ...errorResponses(400, 401) } }),
  order: createRoute({ method: 'get', path: '/api/merchant/orders/{orderId}', tags, summary: 'One of your orders', security: orderApi, request: { params: order }, responses: { 200: json(z.object({ order: OrderSchema })), ...errorResponses(401, 404) } }),
  ship: createRoute({ method: 'post', path: '/api/merchant/orders/{orderId}/ship', tags, summary: 'Mark a paid order shipped: held money goes to you after 10 days unless the buyer confirms sooner', security: orderApi, request: { params: order, headers: IdempotencyKey }, responses: { 200: json(z.object({ order: OrderSchema })), ...writeErrors } }),
  refund: createRoute({
    method: 'post',
    path: '/api/merchant/orders/{orderId}/refunds',
    tags,
    summary: "Refund all that is left, or part; from held funds before release, from your balance after (which may not go below zero)",
    security: orderApi,
    request: { params: order, headers: IdempotencyKey, body: jsonBody(z.object({ amount: z.number().int().min(1).optional(), reason: Reason, outRefundNo: z.string().min(1).max(64).optional() }).strict()) },
    responses: { 200: json(z.object({ refund: RefundSchema })), ...writeErrors },
  }),
  decideRefund: createRoute({ method: 'post', path: '/api/merchant/refunds/{refundId}/{decision}', tags, summary: "Approve or reject a buyer's refund request", security: signedIn, request: { params: z.object({ refundId: Id, decision: z.enum(['approve', 'reject']) }), headers: IdempotencyKey }, responses: { 200: json(z.object({ refund: RefundSchema })), ...writeErrors } }),
  disputes: createRoute({ method: 'get', path: '/api/merchant/disputes', tags, summary: 'Disputes on your orders', security: signedIn, responses: { 200: json(z.object({ disputes: z.array(DisputeSchema) })), ...errorResponses(401) } }),
  answer: createRoute({ method: 'post', path: '/api/merchant/disputes/{disputeId}/answer', tags, summary: 'Answer a dispute before the platform decides it', security: signedIn, request: { params: z.object({ disputeId: Id }), headers: IdempotencyKey, body: jsonBody(z.object({ answer: Reason }).strict()) }, responses: { 200: json(z.object({ dispute: DisputeSchema })), ...writeErrors } }),
  balance: createRoute({ method: 'get', path: '/api/merchant/balance', tags, summary: 'Available and held money by currency', security: signedIn, responses: { 200: json(z.object({ available: Balances, held: Balances, sandbox: z.boolean().openapi({ description: 'The card provider moves no real money (test cards work)' }) })), ...errorResponses(401) } }),
  payout: createRoute({
    method: 'post',
    path: '/api/merchant/payouts',
    tags,
    summary: 'Send money from your available balance to a card',
    security: signedIn,
    request: { headers: IdempotencyKey, body: jsonBody(z.object({ amount: z.number().int().min(1).max(5_000_000), currency: Currency, card: PayoutCard }).strict()) },
    responses: { 200: json(z.object({ payout: WithdrawalSchema })), ...errorResponses(400, 401, 402, 404, 409) },
  }),
  payouts: createRoute({ method: 'get', path: '/api/merchant/payouts', tags, summary: 'Your payouts, newest first', security: signedIn, responses: { 200: json(z.object({ payouts: z.array(WithdrawalSchema) })), ...errorResponses(401) } }),
  statement: createRoute({ method: 'get', path: '/api/merchant/statement', tags, summary: 'Money in and out of your balance, newest first', security: signedIn, request: { query: z.object({ currency: Currency.default('CNY'), before: z.string().max(64).optional().openapi({ description: 'The id of the last item of the previous page' }) }) }, responses: { 200: json(z.object({ entries: z.array(EntrySchema) })), ...errorResponses(400, 401) } }),
  adminOrder: createRoute({ method: 'get', path: '/api/admin/orders/{orderId}', tags: ['admin'], summary: 'Any order, for deciding its dispute: items, refunds so far, the dispute', security: signedIn, request: { params: order }, responses: { 200: json(z.object({ order: OrderSchema })), ...errorResponses(401, 404) } }),
  adminDisputes: createRoute({ method: 'get', path: '/api/admin/disputes', tags: ['admin'], summary: 'Disputes, oldest first', security: signedIn, request: { query: z.object({ status: z.enum(['open', 'answered', 'resolved']).optional() }) }, responses: { 200: json(z.object({ disputes: z.array(DisputeSchema) })), ...errorResponses(400, 401) } }),
  decide: createRoute({
    method: 'post',
    path: '/api/admin/disputes/{disputeId}/decide',
    tags: ['admin'],
    summary: 'Decide a dispute: release to the merchant, or refund all or part (the rest goes to the merchant)',
    security: signedIn,
    request: {
      params: z.object({ disputeId: Id }),
      body: jsonBody(
        z.discriminatedUnion('decision', [
          z.object({ decision: z.literal('release'), note: Reason }).strict(),
          z.object({ decision: z.literal('refund'), amount: z.number().int().min(1).optional(), note: Reason }).strict(),
        ]),
      ),
    },
    responses: { 200: json(z.object({ dispute: DisputeSchema })), ...writeErrors },
  }),
};

/**
 * The merchant API (orders, shipping, refunds, refund requests, dispute answers, balance) and the
 * admin's dispute decisions. Every merchant write accepts an `Idempotency-Key`.
 */
export function paymentMerchantRoutes(payments: Payments) {
  const app = apiRoutes();
  const idempotent = idempotency(payments.db);
  const scope = (merchantId: string) => `merchant:${merchantId}`;
  const merchant = (c: Parameters<typeof requireMerchant>[0]) => requireMerchant(c).id;
  /** The merchant, and with an app's secret the one app it may act on. */
  const caller = (c: Parameters<typeof requireMerchant>[0]) => {
    const p = requireMerchantOrApp(c);
    return { merchantId: p.id, appId: p.appId };
  };

  app.openapi(routes.orders, async (c) => {
    const who = caller(c);
    const { appId, before, limit } = c.req.valid('query');
    if (who.appId && appId && appId !== who.appId) return c.json({ orders: [] }, 200);
    return c.json({ orders: await payments.orders.list({ merchantId: who.merchantId }, { appId: who.appId ?? appId, before, limit }) }, 200);
  });
  app.openapi(routes.order, async (c) => c.json({ order: await payments.orders.get(caller(c), c.req.valid('param').orderId) }, 200));
  app.openapi(routes.ship, async (c) => {
    const who = caller(c);
    const { orderId } = c.req.valid('param');
    return idempotent(c, scope(who.merchantId), {}, async (trx) => {
      await payments.orders.get(who, orderId, trx); // another app's order is not found
      await payments.settlement.ship(who.merchantId, orderId, trx);
      return { order: await payments.orders.get(who, orderId, trx) };
    });
  });
  app.openapi(routes.refund, async (c) => {
    const who = caller(c);
    const input = c.req.valid('json');
    const { orderId } = c.req.valid('param');
    return idempotent(c, scope(who.merchantId), input, async (trx) => {
      await payments.orders.get(who, orderId, trx);
      return { refund: await payments.refunds.refund({ merchantId: who.merchantId }, orderId, input, trx) };
    });
  });
  app.openapi(routes.payout, async (c) => {
    const merchantId = merchant(c);
    const input = c.req.valid('json');
    // A payout is idempotent by its own key (withdrawals.ts): it is written before the card
    // provider is asked, and a retry after a crash finds it and asks again under the same key.
    // Without an Idempotency-Key each request is a payout of its own.
    const key = idempotencyKeyOf(c) ?? `payout:${crypto.randomUUID()}`;
    const { withdrawal, replayed } = await payments.withdrawals.withdrawOnce({ kind: 'merchant', id: merchantId }, { ...input, idempotencyKey: key });
    return c.json({ payout: withdrawal }, 200, replayed ? { 'idempotent-replayed': 'true' } : {});
  });
  app.openapi(routes.payouts, async (c) => c.json({ payouts: await payments.withdrawals.list({ kind: 'merchant', id: merchant(c) }) }, 200));
  app.openapi(routes.decideRefund, async (c) => {
    const merchantId = merchant(c);
    const { refundId, decision } = c.req.valid('param');
    return idempotent(c, scope(merchantId), {}, async (trx) => ({ refund: await payments.refunds.decide(merchantId, refundId, decision === 'approve', trx) }));
  });
  app.openapi(routes.disputes, async (c) => c.json({ disputes: await payments.disputes.list({ merchantId: merchant(c) }) }, 200));
  app.openapi(routes.answer, async (c) => {
    const merchantId = merchant(c);
    const { answer } = c.req.valid('json');
    return idempotent(c, scope(merchantId), { answer }, async (trx) => ({ dispute: await payments.disputes.answer(merchantId, c.req.valid('param').disputeId, answer, trx) }));
  });
  app.openapi(routes.balance, async (c) => c.json(await payments.merchantBalances(merchant(c)), 200));
  app.openapi(routes.statement, async (c) => {
    const { currency, before } = c.req.valid('query');
    return c.json({ entries: await payments.merchantStatement(merchant(c), currency, { before }) }, 200);
  });
  app.openapi(routes.adminOrder, async (c) => {
    requireAdmin(c);
    return c.json({ order: await payments.orders.get({}, c.req.valid('param').orderId) }, 200);
  });
  app.openapi(routes.adminDisputes, async (c) => {
    requireAdmin(c);
    return c.json({ disputes: await payments.disputes.list({ status: c.req.valid('query').status }) }, 200);
  });
  app.openapi(routes.decide, async (c) => {
    const adminId = requireAdmin(c).id;
    const body = c.req.valid('json');
    const decision = body.decision === 'refund' ? { decision: 'refund' as const, amount: body.amount } : { decision: 'release' as const };
    return c.json({ dispute: await payments.disputes.decide(adminId, c.req.valid('param').disputeId, decision, body.note) }, 200);
  });
  return app;
}
