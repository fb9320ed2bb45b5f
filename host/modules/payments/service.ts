import type { Kysely } from 'kysely';
import { groupCommit, transact } from '../../db/index.ts';
import { createCheckout } from './checkout.ts';
import { DAY_MS, type PayContext, type PaymentsOptions } from './context.ts';
import { createDisputes } from './disputes.ts';
import { auditOrders } from './audit.ts';
import { accounts, balancesOf, checkBooks, statementOf } from './ledger.ts';
import { createOrders } from './orders.ts';
import { createPins } from './pins.ts';
import { createRefunds } from './refunds.ts';
import { createSettlement } from './settlement.ts';
import type { PaymentsTables } from './tables.ts';
import { createWallet } from './wallet.ts';
import { createWithdrawals } from './withdrawals.ts';

/**
 * Payments: a double-entry ledger under wallets, orders paid from them into held funds, release to
 * merchants less the platform fee, refunds and disputes. Every change of money and its outbox
 * event commit together.
 */
export function createPayments(options: PaymentsOptions) {
  const db = options.db as Kysely<PaymentsTables>;
  const clock = options.clock ?? (() => new Date());
  const ctx: PayContext = {
    db,
    writes: groupCommit(db),
    transact: (work, within) => transact(within ?? db, work),
    clock,
    pins: createPins(db, options.mac, clock),
    provider: options.provider,
    feeBps: options.feeBps,
    orderTtlMs: options.orderTtlMs ?? 15 * 60_000,
    autoReleaseMs: options.autoReleaseMs ?? 10 * DAY_MS,
  };
  const orders = createOrders(ctx);
  const refunds = createRefunds(ctx);
  return {
    db,
    orders,
    wallet: createWallet(ctx),
    withdrawals: createWithdrawals(ctx),
    checkout: createCheckout(ctx),
    settlement: createSettlement(ctx),
    refunds,
    disputes: createDisputes(ctx, refunds),
    merchantBalances: (merchantId: string) =>
      Promise.all([balancesOf(db, accounts.merchant(merchantId)), balancesOf(db, accounts.held(merchantId))]).then(([available, held]) => ({ available, held, sandbox: options.provider.sandbox })),
    merchantStatement: (merchantId: string, currency: string, opts?: { before?: string; limit?: number }) => statementOf(db, accounts.merchant(merchantId), currency, opts),
    checkBooks: () => checkBooks(db),
    /** Held funds and every order's money checked against each other (audit.ts). */
    auditOrders: () => auditOrders(db),
    /**
     * What of a user's money is still in play: wallet balances other than zero, and orders whose
     * money is held, being refunded or disputed. An account is not erased while any is.
     */
    async moneyInPlay(userId: string): Promise<{ balances: Record<string, number>; orders: string[] }> {
      const balances = Object.fromEntries(Object.entries(await balancesOf(db, accounts.wallet(userId))).filter(([, n]) => n !== 0));
      const held = await db
        .selectFrom('pay_orders')
        .select('id')
        .where('user_id', '=', userId)
        .where('stage', 'in', ['paid', 'shipped'])
        .where('released_at', 'is', null)
        .whereRef('refunded_amount', '<', 'amount')
        .execute();
      const contested = await db
        .selectFrom('pay_orders as o')
        .select('o.id')
        .where('o.user_id', '=', userId)
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('pay_disputes as d').select('d.id').whereRef('d.order_id', '=', 'o.id').where('d.status', '!=', 'resolved')),
            eb.exists(eb.selectFrom('pay_refunds as r').select('r.id').whereRef('r.order_id', '=', 'o.id').where('r.status', '=', 'pending')),
          ]),
        )
        .execute();
      return { balances, orders: [...new Set([...held, ...contested].map((o) => o.id))].sort() };
    },
  };
}

export type Payments = ReturnType<typeof createPayments>;
