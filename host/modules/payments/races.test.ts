import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { webhooksMigrations } from '../webhooks/migrations.ts';
import { createPayments, paymentsMigrations, simulatedCards, simulatedProvider, type Payments } from './index.ts';

const PIN = '135790';
/** Each race runs this often: on PostgreSQL an unlocked read lost most of them. */
const ROUNDS = 12;
/** Refusals a race may end in; books that the model forbids never. */
const refusals = new Set(['conflict', 'invalid_args', 'insufficient_funds']);

/**
 * Two parties act on one paid order at the same moment. Whatever order the database lets them
 * run in, the books must be ones the model allows: held funds equal to what unreleased orders
 * still owe, and no order paying out more than came in.
 */
describe.each(testDatabases())('an order acted on from two sides at once on $name', (tdb) => {
  let db: Db<any>;
  let pay: Payments;
  let time = Date.parse('2026-11-25T10:00:00Z');
  let n = 0;

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [paymentsMigrations, webhooksMigrations]);
    pay = createPayments({ db: db.kysely, mac: (m) => createHmac('sha256', 'k').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60, clock: () => new Date(time) });
  });
  afterAll(() => db.close());

  /** A paid order held until receipt, of 10.00, from a fresh buyer to merchant `m`. */
  async function paidOrder(merchantId = 'm') {
    const userId = `u${++n}`;
    await pay.wallet.setPin(userId, PIN);
    await pay.wallet.topUp(userId, { amount: 10_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: `fund-${userId}` });
    const o = await pay.orders.create({ appId: 'shop', merchantId, userId }, { items: [{ sku: 's', name: 'Tea', quantity: 1, unitAmount: 10_00 }], currency: 'CNY', holdUntilReceipt: true });
    await pay.checkout.pay(userId, o.orderId, PIN);
    return { userId, orderId: o.orderId, merchantId };
  }

  /** Runs both at once; a refusal is a fine outcome, anything else fails the test. */
  async function race(...steps: (() => Promise<unknown>)[]): Promise<void> {
    const results = await Promise.allSettled(steps.map((s) => s()));
    for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof AtriumError && refusals.has(r.reason.code))) throw r.reason;
  }

  async function expectSoundBooks(): Promise<void> {
    const audit = await pay.auditOrders();
    expect(audit).toEqual({ held: [], orders: [] });
    const books = await pay.checkBooks();
    expect(books.negative).toEqual([]);
    expect(books.drift).toEqual([]);
    for (const sum of Object.values(books.sums)) expect(sum).toBe(0);
  }

  it("never pays out both a merchant's refund and the buyer's receipt from the same held money", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder(`m-receipt-${i % 3}`);
      await race(
        () => pay.refunds.refund({ merchantId: o.merchantId }, o.orderId, { amount: 3_00, reason: 'one cup broke' }),
        () => pay.settlement.confirmReceipt(o.userId, o.orderId),
      );
    }
    await expectSoundBooks();
  });

  it('never pays out both a refund and the release that fell due', async () => {
    const orders = [];
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder('m-due');
      await pay.settlement.ship(o.merchantId, o.orderId);
      orders.push(o);
    }
    time += 11 * 24 * 60 * 60_000;
    await race(...orders.map((o) => () => pay.refunds.refund({ merchantId: o.merchantId }, o.orderId, { reason: 'never arrived' })), () => pay.settlement.releaseDue());
    await expectSoundBooks();
  });

  it("never lets a dispute's decision and a merchant's refund both spend what is left", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder('m-dispute');
      const d = await pay.disputes.open(o.userId, o.orderId, 'it never came');
      await race(
        () => pay.disputes.decide('admin', d.disputeId, { decision: 'refund', amount: 6_00 }, 'half of it'),
        () => pay.refunds.refund({ merchantId: o.merchantId }, o.orderId, { amount: 7_00, reason: 'goodwill' }),
      );
    }
    await expectSoundBooks();
  });

  it("never approves a buyer's refund request out of money the receipt already released", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder('m-request');
      const r = await pay.refunds.request(o.userId, o.orderId, { amount: 4_00, reason: 'two bags were open' });
      await race(
        () => pay.refunds.decide(o.merchantId, r.refundId, true),
        () => pay.settlement.confirmReceipt(o.userId, o.orderId),
      );
    }
    await expectSoundBooks();
  });

  it('refunds at most what was paid when two refunds of most of it race', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder('m-twice');
      await race(
        () => pay.refunds.refund({ merchantId: o.merchantId }, o.orderId, { amount: 8_00, reason: 'first' }),
        () => pay.refunds.refund({ merchantId: o.merchantId }, o.orderId, { amount: 8_00, reason: 'second' }),
      );
      expect((await pay.orders.get({}, o.orderId)).refundedAmount).toBe(8_00);
    }
    await expectSoundBooks();
  });

  it('never releases an order the buyer put in dispute at the same moment', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const o = await paidOrder('m-open');
      await race(
        () => pay.disputes.open(o.userId, o.orderId, 'the box was empty'),
        () => pay.settlement.confirmReceipt(o.userId, o.orderId),
      );
      const after = await pay.orders.get({}, o.orderId);
      // One of them won: a released order has no open dispute, a disputed one is not released.
      expect(after.dispute && after.dispute.status !== 'resolved' && after.releasedAt).toBeFalsy();
    }
    await expectSoundBooks();
  });
});
