import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { webhooksMigrations } from '../webhooks/migrations.ts';
import { eventEnvelope, eventNames, eventTypes, isEventType, type EventType } from '../../../sdk/contract/events.ts';
import { createPayments, feeOf, paymentsMigrations, simulatedCards, simulatedProvider, type Payments } from './index.ts';

const mac = (m: string) => createHmac('sha256', 'test-secret').update(m).digest('base64url');
const PIN = '135790';

describe.each(testDatabases())('payments on $name', (tdb) => {
  let db: Db<any>;
  let pay: Payments;
  let time = Date.parse('2026-11-25T10:00:00Z');
  let n = 0;
  const clock = () => new Date(time);

  /** A user with a PIN and `funds` in their CNY wallet. */
  async function buyer(funds = 100_00) {
    const userId = `user-${++n}`;
    await pay.wallet.setPin(userId, PIN);
    if (funds > 0) await pay.wallet.topUp(userId, { amount: funds, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: `fund-${userId}` });
    return userId;
  }
  const order = (userId: string, amount = 30_00, opts: { hold?: boolean; merchantId?: string; outTradeNo?: string } = {}) =>
    pay.orders.create(
      { appId: 'shop', merchantId: opts.merchantId ?? 'm1', userId },
      { items: [{ sku: 'tea', name: 'Tea', quantity: 1, unitAmount: amount }], currency: 'CNY', holdUntilReceipt: opts.hold ?? true, outTradeNo: opts.outTradeNo },
    );
  const wallet = async (userId: string) => (await pay.wallet.wallet(userId)).balances.CNY ?? 0;
  const merchant = async (id = 'm1') => pay.merchantBalances(id);

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [paymentsMigrations, webhooksMigrations]);
    pay = createPayments({ db: db.kysely, mac, provider: simulatedProvider(), feeBps: 60, clock });
  });
  afterAll(async () => {
    const books = await pay.checkBooks();
    expect(books.negative).toEqual([]);
    expect(books.drift).toEqual([]);
    for (const sum of Object.values(books.sums)) expect(sum).toBe(0);
    await db.close();
  });

  describe('wallet', () => {
    it('tops up from an approved card, once per idempotency key', async () => {
      const userId = await buyer(0);
      const input = { amount: 50_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'k1' };
      await expect(pay.wallet.topUp(userId, input)).resolves.toMatchObject({ status: 'succeeded', amount: 50_00 });
      await pay.wallet.topUp(userId, input);
      expect(await wallet(userId)).toBe(50_00);
      await expect(pay.wallet.topUp(userId, { ...input, amount: 60_00 })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('refuses a top-up in a currency the platform keeps no money in, and credits nothing', async () => {
      const userId = await buyer(0);
      // The ISO test code, a made-up one, a withdrawn one and a metal.
      for (const currency of ['XXX', 'ABC', 'DEM', 'XAU']) {
        const input = { amount: 10_00, currency, card: simulatedCards.approves, idempotencyKey: `k-${currency}` };
        await expect(pay.wallet.topUp(userId, input), currency).rejects.toMatchObject({ code: 'invalid_args' });
      }
      expect((await pay.wallet.wallet(userId)).balances).toEqual({});
    });

    it('refuses a declined card and credits nothing', async () => {
      const userId = await buyer(0);
      await expect(pay.wallet.topUp(userId, { amount: 10_00, currency: 'CNY', card: simulatedCards.declines, idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'payment_declined' });
      expect(await wallet(userId)).toBe(0);
    });

    it('credits a challenged top-up only after the right code', async () => {
      const userId = await buyer(0);
      const t = await pay.wallet.topUp(userId, { amount: 10_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' });
      expect(t).toMatchObject({ status: 'challenge', prompt: expect.any(String) });
      expect(await wallet(userId)).toBe(0);
      await expect(pay.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(10_00);
    });

    it('finishes a challenge after a restart: the code typed then still credits the top-up', async () => {
      const userId = await buyer(0);
      const t = await pay.wallet.topUp(userId, { amount: 12_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' });
      // A new service and a new provider on the same database, as after a restart.
      const restarted = createPayments({ db: db.kysely, mac, provider: simulatedProvider(), feeBps: 60, clock });
      await expect(restarted.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(12_00);
    });

    it('credits a confirmed top-up once, however often the code is sent again', async () => {
      const userId = await buyer(0);
      const t = await pay.wallet.topUp(userId, { amount: 7_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' });
      const confirms = await Promise.all([1, 2, 3].map(() => pay.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)));
      expect(confirms.map((c) => c.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      await expect(pay.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(7_00);
    });

    it('finishes a top-up whose provider answered but whose wallet was not credited (a crash in between)', async () => {
      const userId = await buyer(0);
      const bank = simulatedProvider();
      let crash = true;
      // The bank takes the code, then the answer is lost on the way back, as when the host goes down.
      const flaky = { ...bank, confirm: async (ref: string, code: string) => { const r = await bank.confirm(ref, code); if (crash) throw new Error('connection reset'); return r; } };
      const svc = createPayments({ db: db.kysely, mac, provider: flaky, feeBps: 60, clock });
      const t = await svc.wallet.topUp(userId, { amount: 9_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' });
      await expect(svc.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).rejects.toThrow('connection reset');
      expect(await wallet(userId)).toBe(0);
      crash = false;
      await expect(svc.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(9_00);
    });

    it('gives a retried challenged top-up its prompt again, and charges nothing new', async () => {
      const userId = await buyer(0);
      const input = { amount: 5_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' };
      const first = await pay.wallet.topUp(userId, input);
      const again = await pay.wallet.topUp(userId, input);
      expect(again).toMatchObject({ topUpId: first.topUpId, status: 'challenge', prompt: first.prompt });
      await expect(pay.wallet.topUp(userId, { ...input, card: simulatedCards.approves })).rejects.toMatchObject({ code: 'conflict' });
      expect(await wallet(userId)).toBe(0);
    });

    it('tops up once when the same key is sent twice at the same moment', async () => {
      const userId = await buyer(0);
      const input = { amount: 4_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'k' };
      const both = await Promise.all([pay.wallet.topUp(userId, input), pay.wallet.topUp(userId, input)]);
      expect(both[0].topUpId).toBe(both[1].topUpId);
      expect(await wallet(userId)).toBe(4_00);
    });

    it('declines a challenge answered with the wrong code and credits nothing', async () => {
      const userId = await buyer(0);
      const t = await pay.wallet.topUp(userId, { amount: 3_00, currency: 'CNY', card: simulatedCards.challenges, idempotencyKey: 'k' });
      await expect(pay.wallet.confirmTopUp(userId, t.topUpId, '000000')).rejects.toMatchObject({ code: 'payment_declined' });
      await expect(pay.wallet.confirmTopUp(userId, t.topUpId, simulatedCards.challengeCode)).resolves.toMatchObject({ status: 'declined' });
      expect(await wallet(userId)).toBe(0);
    });

    it('locks the wallet after five wrong PINs, even against the right one', async () => {
      const userId = await buyer();
      const o = await order(userId);
      for (let i = 4; i >= 1; i--) await expect(pay.checkout.pay(userId, o.orderId, '000000')).rejects.toMatchObject({ code: 'wrong_pin', details: { triesLeft: i }, message: expect.stringContaining(`${i} tr`) });
      await expect(pay.checkout.pay(userId, o.orderId, '000000')).rejects.toMatchObject({ code: 'wrong_pin', message: expect.stringMatching(/locked/) });
      await expect(pay.checkout.pay(userId, o.orderId, PIN)).rejects.toMatchObject({ code: 'rate_limited', details: { lockedUntil: expect.any(String) } });
      expect(await wallet(userId)).toBe(100_00);
    });

    it('counts wrong PINs sent at the same moment, each one, and locks after the fifth', async () => {
      const userId = await buyer();
      const orders = await Promise.all([1, 2, 3, 4, 5].map(() => order(userId)));
      await Promise.allSettled(orders.map((o) => pay.checkout.pay(userId, o.orderId, '000000')));
      await expect(pay.checkout.pay(userId, orders[0]!.orderId, PIN)).rejects.toMatchObject({ code: 'rate_limited' });
    });

    it('counts a wrong current PIN when changing the PIN, so guessing it there meets the same lock', async () => {
      const userId = await buyer();
      for (let i = 0; i < 5; i++) await expect(pay.wallet.setPin(userId, '111111', '000000')).rejects.toMatchObject({ code: 'wrong_pin' });
      await expect(pay.wallet.setPin(userId, '111111', PIN)).rejects.toMatchObject({ code: 'rate_limited' });
      const o = await order(userId);
      await expect(pay.checkout.pay(userId, o.orderId, PIN)).rejects.toMatchObject({ code: 'rate_limited' });
    });
  });

  describe('lists', () => {
    it('page orders and statements newest first, without gaps or repeats when many share a millisecond', async () => {
      const userId = await buyer();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await order(userId, 1_00 + i)).orderId);
      const pages = async (next: (before?: string) => Promise<string[]>) => {
        const seen: string[] = [];
        let before: string | undefined;
        for (;;) {
          const page = await next(before);
          if (!page.length) return seen;
          seen.push(...page);
          before = page.at(-1);
        }
      };
      expect(await pages(async (before) => (await pay.orders.list({ userId }, { before, limit: 3 })).map((o) => o.orderId))).toEqual([...made].reverse());
      for (const orderId of made) await pay.checkout.pay(userId, orderId, PIN);
      const entries = await pages(async (before) => (await pay.wallet.statement(userId, 'CNY', { before, limit: 2 })).map((e) => e.id));
      expect(entries).toHaveLength(8);
      expect(new Set(entries).size).toBe(8);
    });
  });

  describe('checkout', () => {
    it('totals an order from its items, whatever the program thinks', async () => {
      const userId = await buyer();
      const o = await pay.orders.create({ appId: 'shop', merchantId: 'm1', userId }, { items: [{ sku: 'a', name: 'A', quantity: 3, unitAmount: 12_50 }, { sku: 'b', name: 'B', quantity: 1, unitAmount: 99 }], currency: 'CNY' });
      expect(o).toMatchObject({ amount: 38_49, status: 'created', refundedAmount: 0 });
    });

    it('gives back the same order for the same outTradeNo, and refuses it for another order', async () => {
      const userId = await buyer();
      const a = await order(userId, 10_00, { outTradeNo: 'shop-1' });
      expect((await order(userId, 10_00, { outTradeNo: 'shop-1' })).orderId).toBe(a.orderId);
      await expect(order(userId, 20_00, { outTradeNo: 'shop-1' })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('moves the money from the wallet into held funds', async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00);
      const before = await merchant();
      await expect(pay.checkout.pay(userId, o.orderId, PIN)).resolves.toMatchObject({ status: 'paid' });
      expect(await wallet(userId)).toBe(70_00);
      expect((await merchant()).held.CNY).toBe((before.held.CNY ?? 0) + 30_00);
      expect((await pay.orders.get({ userId }, o.orderId)).status).toBe('paid');
    });

    it('never charges twice, however many confirmations race', async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => pay.checkout.pay(userId, o.orderId, PIN)));
      const paidAt = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.paidAt : String(r.reason))));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      expect(paidAt.size).toBe(1);
      expect(await wallet(userId)).toBe(70_00);
    });

    it('refuses a payment the wallet cannot cover, and moves nothing', async () => {
      const userId = await buyer(10_00);
      const o = await order(userId, 30_00);
      await expect(pay.checkout.pay(userId, o.orderId, PIN)).rejects.toMatchObject({ code: 'insufficient_funds' });
      expect(await wallet(userId)).toBe(10_00);
      expect((await pay.orders.get({ userId }, o.orderId)).status).toBe('created');
    });

    it('refuses to pay an order past its 15 minutes', async () => {
      const userId = await buyer();
      const o = await order(userId);
      time += 15 * 60_000 + 1;
      await expect(pay.checkout.pay(userId, o.orderId, PIN)).rejects.toMatchObject({ code: 'expired' });
      expect((await pay.orders.get({ userId }, o.orderId)).status).toBe('expired');
      expect(await wallet(userId)).toBe(100_00);
    });

    it("answers another user's order as not found", async () => {
      const owner = await buyer();
      const other = await buyer();
      const o = await order(owner);
      await expect(pay.checkout.pay(other, o.orderId, PIN)).rejects.toMatchObject({ code: 'not_found' });
      await expect(pay.orders.get({ userId: other }, o.orderId)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('releases an order that does not hold to the merchant at once, less the fee', async () => {
      const userId = await buyer();
      const before = await merchant('m-instant');
      const o = await order(userId, 50_00, { hold: false, merchantId: 'm-instant' });
      await pay.checkout.pay(userId, o.orderId, PIN);
      const after = await merchant('m-instant');
      expect((after.available.CNY ?? 0) - (before.available.CNY ?? 0)).toBe(50_00 - feeOf(50_00, 60));
      expect(after.held.CNY ?? 0).toBe(before.held.CNY ?? 0);
    });
  });

  describe('held funds', () => {
    async function paid(amount = 40_00, merchantId = 'm-held') {
      const userId = await buyer();
      const o = await order(userId, amount, { merchantId });
      await pay.checkout.pay(userId, o.orderId, PIN);
      return { userId, orderId: o.orderId };
    }

    it('go to the merchant less the fee when the buyer confirms receipt', async () => {
      const { userId, orderId } = await paid(40_00);
      const before = await merchant('m-held');
      await pay.settlement.ship('m-held', orderId);
      await pay.settlement.confirmReceipt(userId, orderId);
      const after = await merchant('m-held');
      expect(after.available.CNY! - (before.available.CNY ?? 0)).toBe(40_00 - feeOf(40_00, 60));
      expect(after.held.CNY! - before.held.CNY!).toBe(-40_00);
      expect((await pay.orders.get({ userId }, orderId)).status).toBe('completed');
    });

    it('go to the merchant by themselves ten days after shipping', async () => {
      const { orderId } = await paid(40_00, 'm-auto');
      await pay.settlement.ship('m-auto', orderId);
      time += 10 * 24 * 60 * 60_000 - 1000;
      await pay.settlement.releaseDue();
      expect((await merchant('m-auto')).available.CNY ?? 0).toBe(0);
      time += 1000;
      await pay.settlement.releaseDue();
      expect((await merchant('m-auto')).available.CNY).toBe(40_00 - feeOf(40_00, 60));
    });

    it('stay held while a dispute is open, whatever the clock says', async () => {
      const { userId, orderId } = await paid(40_00, 'm-dispute');
      await pay.settlement.ship('m-dispute', orderId);
      await pay.disputes.open(userId, orderId, 'the box arrived empty');
      time += 30 * 24 * 60 * 60_000;
      expect(await pay.settlement.releaseDue()).toBe(0);
      expect((await merchant('m-dispute')).held.CNY).toBe(40_00);
      await expect(pay.settlement.confirmReceipt(userId, orderId)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('split as an admin decides a dispute: part back to the buyer, the rest to the merchant', async () => {
      const { userId, orderId } = await paid(40_00, 'm-split');
      const d = await pay.disputes.open(userId, orderId, 'one of two boxes missing');
      await pay.disputes.answer('m-split', d.disputeId, 'we sent both; here is the tracking');
      const decided = await pay.disputes.decide('admin-1', d.disputeId, { decision: 'refund', amount: 20_00 }, 'tracking shows one parcel');
      expect(decided).toMatchObject({ status: 'resolved', decision: 'refund', refundAmount: 20_00 });
      expect(await wallet(userId)).toBe(60_00 + 20_00);
      expect((await merchant('m-split')).available.CNY).toBe(20_00 - feeOf(20_00, 60));
      expect((await pay.orders.get({ userId }, orderId)).status).toBe('partially_refunded');
    });
  });

  describe('refunds', () => {
    it('refund in parts up to what was paid, and no further', async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00, { merchantId: 'm-r' });
      await pay.checkout.pay(userId, o.orderId, PIN);
      await pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { amount: 10_00, reason: 'one item short' });
      await pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { amount: 15_00, reason: 'late' });
      await expect(pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { amount: 5_01, reason: 'more' })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringMatching(/At most 500/) });
      await pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { reason: 'the rest' });
      expect(await wallet(userId)).toBe(100_00);
      expect((await pay.orders.get({ userId }, o.orderId)).status).toBe('refunded');
    });

    it('gives back the first refund for a repeated outRefundNo', async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00, { merchantId: 'm-r' });
      await pay.checkout.pay(userId, o.orderId, PIN);
      const a = await pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { amount: 10_00, reason: 'x', outRefundNo: 'r1' });
      const b = await pay.refunds.refund({ merchantId: 'm-r' }, o.orderId, { amount: 10_00, reason: 'x', outRefundNo: 'r1' });
      expect(b.refundId).toBe(a.refundId);
      expect(await wallet(userId)).toBe(80_00);
    });

    it("come out of the merchant's balance after release, which may not go below zero", async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00, { merchantId: 'm-after', hold: false });
      await pay.checkout.pay(userId, o.orderId, PIN);
      const available = (await merchant('m-after')).available.CNY!;
      await pay.refunds.refund({ merchantId: 'm-after' }, o.orderId, { amount: available, reason: 'broken' });
      await expect(pay.refunds.refund({ merchantId: 'm-after' }, o.orderId, { amount: 1, reason: 'more' })).rejects.toMatchObject({ code: 'insufficient_funds', message: expect.stringContaining("The merchant's balance is too low to refund ¥0.01;") });
      expect((await merchant('m-after')).available.CNY).toBe(0);
    });

    it('wait for the merchant when the buyer asks', async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00, { merchantId: 'm-ask' });
      await pay.checkout.pay(userId, o.orderId, PIN);
      const r = await pay.refunds.request(userId, o.orderId, { amount: 12_00, reason: 'wrong colour' });
      expect(r.status).toBe('pending');
      expect(await wallet(userId)).toBe(70_00);
      await expect(pay.refunds.decide('someone-else', r.refundId, true)).rejects.toMatchObject({ code: 'not_found' });
      await pay.refunds.decide('m-ask', r.refundId, true);
      expect(await wallet(userId)).toBe(82_00);
    });

    it("refuses another merchant's refund of an order as not found", async () => {
      const userId = await buyer();
      const o = await order(userId, 30_00, { merchantId: 'm-r' });
      await pay.checkout.pay(userId, o.orderId, PIN);
      await expect(pay.refunds.refund({ merchantId: 'm-thief' }, o.orderId, { reason: 'mine' })).rejects.toMatchObject({ code: 'not_found' });
      expect(await wallet(userId)).toBe(70_00);
    });
  });

  describe('withdrawals', () => {
    const card = simulatedCards.approves;
    const out = (userId: string, amount: number, key = `w-${amount}`, pin = PIN, to: string = card) =>
      pay.withdrawals.withdraw({ kind: 'wallet', id: userId }, { amount, currency: 'CNY', card: to, idempotencyKey: key }, pin);

    it('send money from the wallet to a card, once per idempotency key', async () => {
      const userId = await buyer(100_00);
      await expect(out(userId, 30_00, 'k')).resolves.toMatchObject({ status: 'succeeded', amount: 30_00, card: '•••• 4242', reason: null });
      await expect(out(userId, 30_00, 'k')).resolves.toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(70_00);
      await expect(out(userId, 40_00, 'k')).rejects.toMatchObject({ code: 'conflict' });
      expect((await pay.withdrawals.list({ kind: 'wallet', id: userId })).map((w) => w.amount)).toEqual([30_00]);
    });

    it('refuse more than the wallet holds and change nothing', async () => {
      const userId = await buyer(10_00);
      await expect(out(userId, 10_01)).rejects.toMatchObject({ code: 'insufficient_funds', message: 'The wallet is too low for ¥10.01.' });
      expect(await wallet(userId)).toBe(10_00);
      expect(await pay.withdrawals.list({ kind: 'wallet', id: userId })).toEqual([]);
    });

    it('need the payment PIN, and count a wrong one as the payment sheet does', async () => {
      const userId = await buyer(50_00);
      await expect(out(userId, 10_00, 'k', '000000')).rejects.toMatchObject({ code: 'wrong_pin' });
      expect(await wallet(userId)).toBe(50_00);
      expect((await pay.wallet.wallet(userId)).pin.triesLeft).toBe(4);
      await out(userId, 10_00, 'k2');
      expect((await pay.wallet.wallet(userId)).pin.triesLeft).toBe(5);
    });

    it('to a card that refuses payouts put the money back and say why', async () => {
      const userId = await buyer(50_00);
      await expect(out(userId, 20_00, 'k', PIN, simulatedCards.refusesPayouts)).rejects.toMatchObject({ code: 'payment_declined', message: expect.stringMatching(/back in your wallet/) });
      expect(await wallet(userId)).toBe(50_00);
      const [w] = await pay.withdrawals.list({ kind: 'wallet', id: userId });
      expect(w).toMatchObject({ status: 'failed', reason: 'The card cannot receive payouts.', card: '•••• 0069' });
      const kinds = (await pay.wallet.statement(userId, 'CNY')).map((e) => `${e.kind}:${e.direction}`);
      expect(kinds.slice(0, 2)).toEqual(['withdrawal_return:in', 'withdrawal:out']);
    });

    it('refuse malformed amounts, currencies and card numbers before anything moves', async () => {
      const userId = await buyer(50_00);
      for (const [amount, currency, to] of [[0, 'CNY', card], [1.5, 'CNY', card], [10_00, 'cny', card], [10_00, 'CNY', '4242-abcd-4242-4242']] as const) {
        await expect(pay.withdrawals.withdraw({ kind: 'wallet', id: userId }, { amount, currency, card: to, idempotencyKey: `bad-${amount}-${currency}` }, PIN)).rejects.toMatchObject({ code: 'invalid_args' });
      }
      expect(await wallet(userId)).toBe(50_00);
    });

    it('that the provider did not answer stay pending, keep the money out, and finish when asked again after a restart', async () => {
      const userId = await buyer(50_00);
      const real = simulatedProvider();
      let answering = false;
      const flaky = { ...real, payout: async (i: Parameters<typeof real.payout>[0]) => (answering ? real.payout(i) : Promise.reject(new Error('connection reset'))) };
      const down = createPayments({ db: db.kysely, mac, provider: flaky, feeBps: 60, clock });
      await expect(down.withdrawals.withdraw({ kind: 'wallet', id: userId }, { amount: 15_00, currency: 'CNY', card, idempotencyKey: 'k' }, PIN)).resolves.toMatchObject({ status: 'pending' });
      expect(await wallet(userId)).toBe(35_00);
      answering = true;
      // A new service on the same database, as after a restart; it asks only about payouts left waiting a while.
      const restarted = createPayments({ db: db.kysely, mac, provider: flaky, feeBps: 60, clock });
      expect(await restarted.withdrawals.settlePending()).toBe(0);
      time += 60_000;
      expect(await restarted.withdrawals.settlePending()).toBe(1);
      expect((await pay.withdrawals.list({ kind: 'wallet', id: userId }))[0]).toMatchObject({ status: 'succeeded' });
      expect(await wallet(userId)).toBe(35_00);
    });

    it('forget the card number once the provider has answered', async () => {
      const userId = await buyer(50_00);
      const w = await out(userId, 5_00);
      const row = await db.kysely.selectFrom('pay_withdrawals').selectAll().where('id', '=', w.withdrawalId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ card: '', card_last4: '4242' });
    });

    it("pay a merchant's available balance out, never its held money", async () => {
      const userId = await buyer(100_00);
      const held = await order(userId, 30_00, { merchantId: 'm-payout' });
      await pay.checkout.pay(userId, held.orderId, PIN);
      const now = await order(userId, 50_00, { merchantId: 'm-payout', hold: false });
      await pay.checkout.pay(userId, now.orderId, PIN);
      const available = (await merchant('m-payout')).available.CNY!;
      expect(available).toBe(50_00 - feeOf(50_00, 60));
      const owner = { kind: 'merchant' as const, id: 'm-payout' };
      await expect(pay.withdrawals.withdraw(owner, { amount: available + 1, currency: 'CNY', card, idempotencyKey: 'too-much' })).rejects.toMatchObject({ code: 'insufficient_funds' });
      await expect(pay.withdrawals.withdraw(owner, { amount: available, currency: 'CNY', card, idempotencyKey: 'all' })).resolves.toMatchObject({ status: 'succeeded' });
      expect(await merchant('m-payout')).toMatchObject({ available: { CNY: 0 }, held: { CNY: 30_00 } });
    });
  });

  it('writes only events the events contract declares, each with the data it declares', async () => {
    const written = await db.kysely.selectFrom('webhook_events').select(['type', 'payload', 'subject']).execute();
    expect(new Set(written.map((e) => e.type))).toEqual(new Set(eventTypes.filter((t) => eventNames[t].module === 'payments')));
    for (const e of written) {
      expect(isEventType(e.type)).toBe(true);
      const body = eventEnvelope(e.type as EventType).strict().parse(JSON.parse(e.payload));
      expect(e.subject).toBe((body.data as { orderId: string }).orderId);
    }
  });
});
