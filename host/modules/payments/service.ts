import type { Kysely } from 'kysely';
import { groupCommit } from '../../db/index.ts';
import { createCheckout } from './checkout.ts';
import { DAY_MS, type PayContext, type PaymentsOptions } from './context.ts';
import { createDisputes } from './disputes.ts';
import { accounts, balancesOf, checkBooks, statementOf } from './ledger.ts';
import { createOrders } from './orders.ts';
import { createPins } from './pins.ts';
import { createRefunds } from './refunds.ts';
import { createSettlement } from './settlement.ts';
import type { PaymentsTables } from './tables.ts';
import { createWallet } from './wallet.ts';

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
    checkout: createCheckout(ctx),
    settlement: createSettlement(ctx),
    refunds,
    disputes: createDisputes(ctx, refunds),
    merchantBalances: (merchantId: string) => Promise.all([balancesOf(db, accounts.merchant(merchantId)), balancesOf(db, accounts.held(merchantId))]).then(([available, held]) => ({ available, held })),
    merchantStatement: (merchantId: string, currency: string, opts?: { before?: string; limit?: number }) => statementOf(db, accounts.merchant(merchantId), currency, opts),
    checkBooks: () => checkBooks(db),
  };
}

export type Payments = ReturnType<typeof createPayments>;
