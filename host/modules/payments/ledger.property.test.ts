import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { webhooksMigrations } from '../webhooks/migrations.ts';
import { createPayments, paymentsMigrations, simulatedCards, simulatedProvider, type Payments } from './index.ts';

const PIN = '246810';
const USERS = 3;
const MERCHANTS = 2;

/** One step a user, merchant, admin or the clock takes. Indexes pick among what exists. */
type Op =
  | { kind: 'topUp'; user: number; amount: number }
  | { kind: 'pay'; user: number; merchant: number; amount: number; hold: boolean }
  | { kind: 'refund'; order: number; amount: number | null }
  | { kind: 'ship'; order: number }
  | { kind: 'confirm'; order: number }
  | { kind: 'dispute'; order: number }
  | { kind: 'decide'; order: number; refund: number | null }
  | { kind: 'time'; days: number }
  | { kind: 'withdraw'; user: number; amount: number; refused: boolean }
  | { kind: 'payout'; merchant: number; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('topUp' as const), user: fc.nat(USERS - 1), amount: fc.integer({ min: 1, max: 50_00 }) }),
  fc.record({ kind: fc.constant('pay' as const), user: fc.nat(USERS - 1), merchant: fc.nat(MERCHANTS - 1), amount: fc.integer({ min: 1, max: 40_00 }), hold: fc.boolean() }),
  fc.record({ kind: fc.constant('refund' as const), order: fc.nat(20), amount: fc.option(fc.integer({ min: 1, max: 40_00 })) }),
  fc.record({ kind: fc.constant('ship' as const), order: fc.nat(20) }),
  fc.record({ kind: fc.constant('confirm' as const), order: fc.nat(20) }),
  fc.record({ kind: fc.constant('dispute' as const), order: fc.nat(20) }),
  fc.record({ kind: fc.constant('decide' as const), order: fc.nat(20), refund: fc.option(fc.integer({ min: 1, max: 40_00 })) }),
  fc.record({ kind: fc.constant('time' as const), days: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), user: fc.nat(USERS - 1), amount: fc.integer({ min: 1, max: 40_00 }), refused: fc.boolean() }),
  fc.record({ kind: fc.constant('payout' as const), merchant: fc.nat(MERCHANTS - 1), amount: fc.integer({ min: 1, max: 40_00 }) }),
);

/** Refusals a random sequence is expected to meet; anything else is a bug. */
const expected = new Set(['insufficient_funds', 'conflict', 'invalid_args', 'not_found', 'expired', 'payment_declined']);

describe.each(testDatabases())('the ledger under random sequences on $name', (tdb) => {
  let db: Db<any>;
  let pay: Payments;
  let time = Date.parse('2026-11-25T10:00:00Z');
  let run = 0;

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [paymentsMigrations, webhooksMigrations]);
    pay = createPayments({ db: db.kysely, mac: (m) => createHmac('sha256', 'k').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60, clock: () => new Date(time) });
  });
  afterAll(() => db.close());

  async function apply(prefix: string, o: Op, orders: { id: string; user: string; merchant: string }[]): Promise<void> {
    const user = (i: number) => `${prefix}-u${i}`;
    const merchant = (i: number) => `${prefix}-m${i}`;
    const pick = (i: number) => orders[i % Math.max(orders.length, 1)];
    switch (o.kind) {
      case 'topUp':
        await pay.wallet.topUp(user(o.user), { amount: o.amount, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: `${prefix}-${Math.random()}` });
        return;
      case 'pay': {
        const created = await pay.orders.create({ appId: 'app', merchantId: merchant(o.merchant), userId: user(o.user) }, { items: [{ sku: 's', name: 'n', quantity: 1, unitAmount: o.amount }], currency: 'CNY', holdUntilReceipt: o.hold });
        orders.push({ id: created.orderId, user: user(o.user), merchant: merchant(o.merchant) });
        await pay.checkout.pay(user(o.user), created.orderId, PIN);
        return;
      }
      case 'refund': {
        const t = pick(o.order);
        if (t) await pay.refunds.refund({ merchantId: t.merchant }, t.id, { amount: o.amount ?? undefined, reason: 'random' });
        return;
      }
      case 'ship': {
        const t = pick(o.order);
        if (t) await pay.settlement.ship(t.merchant, t.id);
        return;
      }
      case 'confirm': {
        const t = pick(o.order);
        if (t) await pay.settlement.confirmReceipt(t.user, t.id);
        return;
      }
      case 'dispute': {
        const t = pick(o.order);
        if (t) await pay.disputes.open(t.user, t.id, 'random dispute');
        return;
      }
      case 'decide': {
        const t = pick(o.order);
        const d = t && (await pay.orders.get({}, t.id)).dispute;
        if (d && d.status !== 'resolved') await pay.disputes.decide('admin', d.disputeId, o.refund ? { decision: 'refund', amount: o.refund } : { decision: 'release' }, 'random');
        return;
      }
      case 'time':
        time += o.days * 24 * 60 * 60_000;
        await pay.settlement.releaseDue();
        return;
      case 'withdraw': {
        const card = o.refused ? simulatedCards.refusesPayouts : simulatedCards.approves;
        await pay.withdrawals.withdraw({ kind: 'wallet', id: user(o.user) }, { amount: o.amount, currency: 'CNY', card, idempotencyKey: `${prefix}-${Math.random()}` }, PIN);
        return;
      }
      case 'payout':
        await pay.withdrawals.withdraw({ kind: 'merchant', id: merchant(o.merchant) }, { amount: o.amount, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: `${prefix}-${Math.random()}` });
        return;
    }
  }

  it('keeps every currency summing to zero, no wallet or balance negative, and balances equal to their transfers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (batches) => {
        const prefix = `r${++run}`;
        for (let u = 0; u < USERS; u++) await pay.wallet.setPin(`${prefix}-u${u}`, PIN);
        const orders: { id: string; user: string; merchant: string }[] = [];
        for (const batch of batches) {
          // Steps in a batch run at once, as requests from several people would.
          const results = await Promise.allSettled(batch.map((o) => apply(prefix, o, orders)));
          for (const r of results) {
            if (r.status === 'rejected' && !(r.reason instanceof AtriumError && expected.has(r.reason.code))) throw r.reason;
          }
        }
        const books = await pay.checkBooks();
        expect(books.negative).toEqual([]);
        expect(books.drift).toEqual([]);
        for (const sum of Object.values(books.sums)) expect(sum).toBe(0);
        for (const t of orders) {
          const o = await pay.orders.get({}, t.id);
          expect(o.refundedAmount).toBeLessThanOrEqual(o.amount);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
