import type { Kysely, Transaction } from 'kysely';
import type { CardProvider } from './provider.ts';
import type { Pins } from './pins.ts';
import type { PaymentsTables } from './tables.ts';
import type { PayDb } from './ledger.ts';

export interface PaymentsOptions {
  db: Kysely<any>;
  /** Keyed hash under the platform secret (PINs). */
  mac(message: string): string;
  provider: CardProvider;
  /** The platform's fee on released funds, in basis points (60 = 0.6%). */
  feeBps: number;
  /** How long an unpaid order stays payable. */
  orderTtlMs?: number;
  /** How long after shipping held funds go to the merchant without the buyer's confirmation. */
  autoReleaseMs?: number;
  clock?: () => Date;
}

/** What the payments parts share. */
export interface PayContext {
  db: Kysely<PaymentsTables>;
  /** Payments that arrive together commit together (db/group-commit.ts). */
  writes<R>(work: (trx: Transaction<PaymentsTables>) => Promise<R>): Promise<R>;
  /**
   * A transaction, retried when the database ends it to break a deadlock (db/transact.ts); given
   * the caller's transaction (`within`), the work joins that one instead.
   */
  transact<R>(work: (trx: Transaction<PaymentsTables>) => Promise<R>, within?: PayDb): Promise<R>;
  clock: () => Date;
  pins: Pins;
  provider: CardProvider;
  feeBps: number;
  orderTtlMs: number;
  autoReleaseMs: number;
}

export const DAY_MS = 24 * 60 * 60_000;
