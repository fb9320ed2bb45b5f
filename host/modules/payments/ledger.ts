import { sql, type Kysely, type Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { formatMoney } from '../../../lib/money.ts';
import { now, prepared, sortableId } from '../../db/index.ts';
import type { AccountKind, PaymentsTables, TransferKind } from './tables.ts';

export type PayDb = Kysely<PaymentsTables> | Transaction<PaymentsTables>;

/** An account by what it is: ids are derived, so a transfer never looks one up first. */
export interface AccountRef {
  kind: AccountKind;
  owner: string;
}

export const accounts = {
  wallet: (userId: string): AccountRef => ({ kind: 'wallet', owner: userId }),
  merchant: (merchantId: string): AccountRef => ({ kind: 'merchant', owner: merchantId }),
  /** Money paid for a merchant's orders that waits for the buyer's receipt. */
  held: (merchantId: string): AccountRef => ({ kind: 'held', owner: merchantId }),
  fees: (): AccountRef => ({ kind: 'fees', owner: 'platform' }),
  /** Where top-ups come from: the card provider's side of the books, the one account below zero. */
  external: (provider: string): AccountRef => ({ kind: 'external', owner: provider }),
};

export const accountId = (a: AccountRef, currency: string) => `${a.kind}:${a.owner}:${currency}`;

export interface TransferInput {
  /** The same key again returns the first transfer; with a different request it is a conflict. */
  key: string;
  debit: AccountRef;
  credit: AccountRef;
  amount: number;
  currency: string;
  kind: TransferKind;
  orderId?: string | null;
}

export interface Transfer {
  id: string;
  key: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  currency: string;
  kind: TransferKind;
  orderId: string | null;
  createdAt: string;
}

type TransferRow = PaymentsTables['pay_transfers'];
const view = (r: TransferRow): Transfer => ({
  id: r.id,
  key: r.idempotency_key,
  debitAccountId: r.debit_account_id,
  creditAccountId: r.credit_account_id,
  amount: Number(r.amount),
  currency: r.currency,
  kind: r.kind,
  orderId: r.order_id,
  createdAt: r.created_at,
});

/**
 * Moves `amount` from one account to another inside the caller's transaction: both balances and
 * the transfer row change together or not at all. The debit is conditional, so a balance that
 * cannot go negative never does, whatever runs at the same time.
 */
export async function transfer(trx: PayDb, t: TransferInput): Promise<Transfer> {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0) throw new AtriumError('invalid_args', 'An amount is a positive whole number of minor units.');
  const debitId = accountId(t.debit, t.currency);
  const creditId = accountId(t.credit, t.currency);
  if (debitId === creditId) throw new AtriumError('invalid_args', 'A transfer moves money between two different accounts.');
  const [earlier] = (await q.byKey(trx, t.key)).rows;
  if (earlier) {
    const same = earlier.debit_account_id === debitId && earlier.credit_account_id === creditId && Number(earlier.amount) === t.amount && earlier.kind === t.kind;
    if (!same) throw new AtriumError('conflict', `The idempotency key "${t.key}" was used for a different transfer.`);
    return view(earlier);
  }
  const at = now();
  const debit = async () => {
    const debited = await q.debit(trx, debitId, t.amount);
    if (Number(debited.numAffectedRows) === 1) return;
    if (t.debit.kind !== 'external') throw new AtriumError('insufficient_funds', `The ${t.debit.kind === 'wallet' ? 'wallet' : `${t.debit.kind} balance`} is too low for ${formatMoney(t.amount, t.currency)}.`);
    await trx
      .insertInto('pay_accounts')
      .values({ id: debitId, kind: t.debit.kind, owner_id: t.debit.owner, currency: t.currency, balance: -t.amount, allow_negative: 1, created_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ balance: sql`pay_accounts.balance - ${t.amount}` }))
      .execute();
  };
  const credit = () => q.credit(trx, creditId, t.credit.kind, t.credit.owner, t.currency, t.amount, t.credit.kind === 'external' ? 1 : 0, at);
  // Both rows are locked in the order of their ids, whichever way the money goes: a top-up
  // (external to wallet) beside a withdrawal (wallet to external) would otherwise each hold one
  // row and wait for the other, and PostgreSQL would end one as a deadlock. A failing debit after
  // the credit rolls both back with the caller's transaction or savepoint.
  if (debitId < creditId) {
    await debit();
    await credit();
  } else {
    await credit();
    await debit();
  }
  const row: TransferRow = {
    id: sortableId(),
    idempotency_key: t.key,
    debit_account_id: debitId,
    credit_account_id: creditId,
    amount: t.amount,
    currency: t.currency,
    kind: t.kind,
    order_id: t.orderId ?? null,
    created_at: at,
  };
  await q.insert(trx, row.id, row.idempotency_key, debitId, creditId, t.amount, t.currency, t.kind, row.order_id, at);
  return view(row);
}

/** A transfer runs on every payment: its statements are compiled once (db/prepared.ts). */
const q = {
  byKey: prepared<[string], TransferRow>((db, key) => db.selectFrom('pay_transfers').selectAll().where('idempotency_key', '=', key)),
  debit: prepared<[string, number], never>((db, id, amount) =>
    db
      .updateTable('pay_accounts')
      .set({ balance: sql`balance - ${amount}` })
      .where('id', '=', id)
      .where((eb: any) => eb.or([eb('allow_negative', '=', 1), eb('balance', '>=', amount)])),
  ),
  credit: prepared<[string, AccountKind, string, string, number, number, string], never>((db, id, kind, owner, currency, amount, allowNegative, at) =>
    db
      .insertInto('pay_accounts')
      .values({ id, kind, owner_id: owner, currency, balance: amount, allow_negative: allowNegative, created_at: at })
      .onConflict((oc: any) => oc.column('id').doUpdateSet({ balance: sql`pay_accounts.balance + ${amount}` })),
  ),
  insert: prepared<[string, string, string, string, number, string, TransferKind, string | null, string], never>((db, id, key, debit, credit, amount, currency, kind, orderId, at) =>
    db.insertInto('pay_transfers').values({ id, idempotency_key: key, debit_account_id: debit, credit_account_id: credit, amount, currency, kind, order_id: orderId, created_at: at }),
  ),
};

/** An account's balance; 0 for one that has never moved. */
export async function balanceOf(db: PayDb, a: AccountRef, currency: string): Promise<number> {
  const row = await db.selectFrom('pay_accounts').select('balance').where('id', '=', accountId(a, currency)).executeTakeFirst();
  return row ? Number(row.balance) : 0;
}

/** Every balance of an owner's accounts of one kind, by currency. */
export async function balancesOf(db: PayDb, a: AccountRef): Promise<Record<string, number>> {
  const rows = await db.selectFrom('pay_accounts').select(['currency', 'balance']).where('owner_id', '=', a.owner).where('kind', '=', a.kind).orderBy('currency').execute();
  return Object.fromEntries(rows.map((r) => [r.currency, Number(r.balance)]));
}

/** Transfers in and out of an account, newest first. */
export async function statementOf(db: PayDb, a: AccountRef, currency: string, opts: { before?: string; limit?: number } = {}): Promise<(Transfer & { direction: 'in' | 'out' })[]> {
  const id = accountId(a, currency);
  let q = db.selectFrom('pay_transfers').selectAll().where((eb) => eb.or([eb('debit_account_id', '=', id), eb('credit_account_id', '=', id)]));
  // Transfer ids sort in the order they were written, so pages never skip or repeat.
  if (opts.before) q = q.where('id', '<', opts.before);
  const rows = await q.orderBy('id', 'desc').limit(Math.min(opts.limit ?? 50, 200)).execute();
  return rows.map((r) => ({ ...view(r), direction: r.credit_account_id === id ? 'in' : 'out' }));
}

/**
 * The books' invariants, for tests and an operator's health check: per currency the balances sum
 * to zero and equal what the transfers say, and no account that may not go negative is below zero.
 */
export async function checkBooks(db: PayDb): Promise<{ sums: Record<string, number>; negative: string[]; drift: string[] }> {
  const rows = await db.selectFrom('pay_accounts').select(['id', 'currency', 'balance', 'allow_negative']).execute();
  const sums: Record<string, number> = {};
  const negative: string[] = [];
  for (const r of rows) {
    sums[r.currency] = (sums[r.currency] ?? 0) + Number(r.balance);
    if (Number(r.allow_negative) !== 1 && Number(r.balance) < 0) negative.push(r.id);
  }
  const flows = await db
    .selectFrom('pay_transfers')
    .select(['debit_account_id', 'credit_account_id', 'amount'])
    .execute();
  const derived = new Map<string, number>();
  for (const f of flows) {
    derived.set(f.debit_account_id, (derived.get(f.debit_account_id) ?? 0) - Number(f.amount));
    derived.set(f.credit_account_id, (derived.get(f.credit_account_id) ?? 0) + Number(f.amount));
  }
  const drift = rows.filter((r) => (derived.get(r.id) ?? 0) !== Number(r.balance)).map((r) => r.id);
  return { sums, negative, drift };
}
