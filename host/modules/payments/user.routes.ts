import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireUser, signedIn } from '../../http/index.ts';
import { Balances, Currency, DisputeSchema, EntrySchema, Id, OrderSchema, PayoutCard, Pin, Reason, RefundSchema, TopUpSchema, WithdrawalSchema } from './schemas.ts';
import type { Payments } from './service.ts';

const tags = ['wallet'];
const order = z.object({ orderId: Id });
const Ok = z.object({ ok: z.literal(true) });

const routes = {
  wallet: createRoute({ method: 'get', path: '/api/wallet', tags, summary: 'Balances and PIN status', security: signedIn, responses: { 200: json(z.object({ balances: Balances, pin: z.object({ hasPin: z.boolean(), lockedUntil: z.string().nullable(), triesLeft: z.number() }), sandbox: z.boolean().openapi({ description: 'The card provider moves no real money (test cards work)' }) })), ...errorResponses(401) } }),
  pin: createRoute({ method: 'post', path: '/api/wallet/pin', tags, summary: 'Set the payment PIN (the current one to change it)', security: signedIn, request: { body: jsonBody(z.object({ pin: Pin, currentPin: Pin.optional() }).strict()) }, responses: { 200: json(Ok), ...errorResponses(400, 401, 403, 429) } }),
  topUp: createRoute({
    method: 'post',
    path: '/api/wallet/topups',
    tags,
    summary: 'Top up from a card; the same idempotencyKey charges once',
    security: signedIn,
    request: { body: jsonBody(z.object({ amount: z.number().int().min(1).max(5_000_000), currency: Currency, card: z.string().min(12).max(23), idempotencyKey: z.string().min(1).max(100) }).strict()) },
    responses: { 200: json(TopUpSchema), ...errorResponses(400, 401, 402, 409) },
  }),
  confirmTopUp: createRoute({ method: 'post', path: '/api/wallet/topups/{topUpId}/confirm', tags, summary: "Complete a challenged top-up with the bank's code", security: signedIn, request: { params: z.object({ topUpId: Id }), body: jsonBody(z.object({ code: z.string().min(1).max(12) }).strict()) }, responses: { 200: json(TopUpSchema), ...errorResponses(400, 401, 404) } }),
  withdraw: createRoute({
    method: 'post',
    path: '/api/wallet/withdrawals',
    tags,
    summary: 'Send money from the wallet to a card, with the PIN; the same idempotencyKey sends once',
    security: signedIn,
    request: { body: jsonBody(z.object({ amount: z.number().int().min(1).max(5_000_000), currency: Currency, card: PayoutCard, pin: Pin, idempotencyKey: z.string().min(1).max(100) }).strict()) },
    responses: { 200: json(WithdrawalSchema), ...errorResponses(400, 401, 402, 403, 409, 429) },
  }),
  withdrawals: createRoute({ method: 'get', path: '/api/wallet/withdrawals', tags, summary: 'My withdrawals, newest first', security: signedIn, responses: { 200: json(z.object({ withdrawals: z.array(WithdrawalSchema) })), ...errorResponses(401) } }),
  statement: createRoute({ method: 'get', path: '/api/wallet/statement', tags, summary: 'Money in and out of the wallet, newest first', security: signedIn, request: { query: z.object({ currency: Currency.default('CNY'), before: z.string().max(64).optional().openapi({ description: 'The id of the last item of the previous page' }) }) }, responses: { 200: json(z.object({ entries: z.array(EntrySchema) })), ...errorResponses(400, 401) } }),
  orders: createRoute({ method: 'get', path: '/api/orders', tags, summary: 'My orders, newest first', security: signedIn, request: { query: z.object({ before: z.string().max(64).optional().openapi({ description: 'The id of the last item of the previous page' }) }) }, responses: { 200: json(z.object({ orders: z.array(OrderSchema) })), ...errorResponses(401) } }),
  order: createRoute({ method: 'get', path: '/api/orders/{orderId}', tags, summary: 'One of my orders', security: signedIn, request: { params: order }, responses: { 200: json(z.object({ order: OrderSchema })), ...errorResponses(401, 404) } }),
  pay: createRoute({
    method: 'post',
    path: '/api/orders/{orderId}/pay',
    tags,
    summary: "Pay an order from the wallet with the PIN (the shell's payment sheet); paying twice is answered with the first payment",
    security: signedIn,
    request: { params: order, body: jsonBody(z.object({ pin: Pin }).strict()) },
    responses: { 200: json(z.object({ orderId: z.string(), status: z.literal('paid'), paidAt: z.string() })), ...errorResponses(400, 401, 403, 404, 409, 410, 429) },
  }),
  receipt: createRoute({ method: 'post', path: '/api/orders/{orderId}/confirm-receipt', tags, summary: 'I have the goods: held money goes to the merchant', security: signedIn, request: { params: order }, responses: { 200: json(z.object({ order: OrderSchema })), ...errorResponses(401, 404, 409) } }),
  refund: createRoute({ method: 'post', path: '/api/orders/{orderId}/refunds', tags, summary: 'Ask the merchant for a refund, of all or part', security: signedIn, request: { params: order, body: jsonBody(z.object({ amount: z.number().int().min(1).optional(), reason: Reason }).strict()) }, responses: { 200: json(z.object({ refund: RefundSchema })), ...errorResponses(400, 401, 404, 409) } }),
  dispute: createRoute({ method: 'post', path: '/api/orders/{orderId}/dispute', tags, summary: 'Open a dispute on a held order: its release waits for an admin', security: signedIn, request: { params: order, body: jsonBody(z.object({ reason: Reason }).strict()) }, responses: { 200: json(z.object({ dispute: DisputeSchema })), ...errorResponses(400, 401, 404, 409) } }),
};

/** The user's wallet and orders, for the shell: top-ups, withdrawals, PIN, paying, receipt, refunds, disputes. */
export function paymentUserRoutes(payments: Payments) {
  const app = apiRoutes();
  const me = (c: Parameters<typeof requireUser>[0]) => requireUser(c).id;
  app.openapi(routes.wallet, async (c) => c.json(await payments.wallet.wallet(me(c)), 200));
  app.openapi(routes.pin, async (c) => {
    const { pin, currentPin } = c.req.valid('json');
    await payments.wallet.setPin(me(c), pin, currentPin);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.topUp, async (c) => c.json(await payments.wallet.topUp(me(c), c.req.valid('json')), 200));
  app.openapi(routes.confirmTopUp, async (c) => c.json(await payments.wallet.confirmTopUp(me(c), c.req.valid('param').topUpId, c.req.valid('json').code), 200));
  app.openapi(routes.withdraw, async (c) => {
    const { pin, ...input } = c.req.valid('json');
    const userId = me(c);
    return c.json(await payments.withdrawals.withdraw({ kind: 'wallet', id: userId }, input, pin), 200);
  });
  app.openapi(routes.withdrawals, async (c) => c.json({ withdrawals: await payments.withdrawals.list({ kind: 'wallet', id: me(c) }) }, 200));
  app.openapi(routes.statement, async (c) => {
    const { currency, before } = c.req.valid('query');
    return c.json({ entries: await payments.wallet.statement(me(c), currency, { before }) }, 200);
  });
  app.openapi(routes.orders, async (c) => c.json({ orders: await payments.orders.list({ userId: me(c) }, { before: c.req.valid('query').before }) }, 200));
  app.openapi(routes.order, async (c) => c.json({ order: await payments.orders.get({ userId: me(c) }, c.req.valid('param').orderId) }, 200));
  app.openapi(routes.pay, async (c) => c.json(await payments.checkout.pay(me(c), c.req.valid('param').orderId, c.req.valid('json').pin), 200));
  app.openapi(routes.receipt, async (c) => {
    const userId = me(c);
    const { orderId } = c.req.valid('param');
    await payments.settlement.confirmReceipt(userId, orderId);
    return c.json({ order: await payments.orders.get({ userId }, orderId) }, 200);
  });
  app.openapi(routes.refund, async (c) => c.json({ refund: await payments.refunds.request(me(c), c.req.valid('param').orderId, c.req.valid('json')) }, 200));
  app.openapi(routes.dispute, async (c) => c.json({ dispute: await payments.disputes.open(me(c), c.req.valid('param').orderId, c.req.valid('json').reason) }, 200));
  return app;
}
