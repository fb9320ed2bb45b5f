import { z } from '@hono/zod-openapi';
import { apiRoutes, check, readJson, requireUser } from '../../http/index.ts';
import type { Payments } from './service.ts';

const Pin = z.string().regex(/^\d{6}$/, '6 digits');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "CNY"');
const Reason = z.string().trim().min(4, 'at least 4 characters').max(500);

/** The user's wallet and orders, for the shell: top-ups, PIN, paying, receipt, refunds, disputes. */
export function paymentUserRoutes(payments: Payments) {
  const app = apiRoutes();
  app.get('/api/wallet', async (c) => c.json(await payments.wallet.wallet(requireUser(c).id)));
  app.post('/api/wallet/pin', async (c) => {
    const { pin, currentPin } = await readJson(c, z.object({ pin: Pin, currentPin: Pin.optional() }).strict());
    await payments.wallet.setPin(requireUser(c).id, pin, currentPin);
    return c.json({ ok: true });
  });
  app.post('/api/wallet/topups', async (c) => {
    const input = await readJson(c, z.object({ amount: z.number().int().min(1).max(5_000_000), currency: Currency, card: z.string().min(12).max(23), idempotencyKey: z.string().min(1).max(100) }).strict());
    return c.json(await payments.wallet.topUp(requireUser(c).id, input));
  });
  app.post('/api/wallet/topups/:topUpId/confirm', async (c) => {
    const { code } = await readJson(c, z.object({ code: z.string().min(1).max(12) }).strict());
    return c.json(await payments.wallet.confirmTopUp(requireUser(c).id, c.req.param('topUpId'), code));
  });
  app.get('/api/wallet/statement', async (c) => {
    const currency = check(Currency, c.req.query('currency') ?? 'CNY');
    return c.json({ entries: await payments.wallet.statement(requireUser(c).id, currency, { before: c.req.query('before') }) });
  });
  app.get('/api/orders', async (c) => c.json({ orders: await payments.orders.list({ userId: requireUser(c).id }, { before: c.req.query('before') }) }));
  app.get('/api/orders/:orderId', async (c) => c.json({ order: await payments.orders.get({ userId: requireUser(c).id }, c.req.param('orderId')) }));
  app.post('/api/orders/:orderId/pay', async (c) => {
    const { pin } = await readJson(c, z.object({ pin: Pin }).strict());
    return c.json(await payments.checkout.pay(requireUser(c).id, c.req.param('orderId'), pin));
  });
  app.post('/api/orders/:orderId/confirm-receipt', async (c) => {
    const userId = requireUser(c).id;
    await payments.settlement.confirmReceipt(userId, c.req.param('orderId'));
    return c.json({ order: await payments.orders.get({ userId }, c.req.param('orderId')) });
  });
  app.post('/api/orders/:orderId/refunds', async (c) => {
    const input = await readJson(c, z.object({ amount: z.number().int().min(1).optional(), reason: Reason }).strict());
    return c.json({ refund: await payments.refunds.request(requireUser(c).id, c.req.param('orderId'), input) });
  });
  app.post('/api/orders/:orderId/dispute', async (c) => {
    const { reason } = await readJson(c, z.object({ reason: Reason }).strict());
    return c.json({ dispute: await payments.disputes.open(requireUser(c).id, c.req.param('orderId'), reason) });
  });
  return app;
}
