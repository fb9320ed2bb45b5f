import { AtriumError } from '../../../sdk/contract/index.ts';
import { sortableId } from '../../db/index.ts';
import type { PayContext } from './context.ts';
import { cardDigits, checkAmount, checkCurrency } from './inputs.ts';
import { accounts, transfer, type AccountRef } from './ledger.ts';
import { WrongPin } from './pins.ts';
import type { PayoutResult } from './provider.ts';
import type { PaymentsTables } from './tables.ts';

const MAX_WITHDRAWAL = 5_000_000; // 50,000.00 in major units at a time
/** A payout the provider did not answer is asked again after this long (it is idempotent by key). */
const RETRY_AFTER_MS = 30_000;

type Row = PaymentsTables['pay_withdrawals'];

/** Whose money leaves: a user's wallet or a merchant's available balance. */
export interface WithdrawalOwner {
  kind: Row['owner_kind'];
  id: string;
}

export interface WithdrawInput {
  amount: number;
  currency: string;
  /** The card the money goes to. */
  card: string;
  /** The same key again returns the first withdrawal and sends nothing more. */
  idempotencyKey: string;
}

export interface WithdrawalView {
  withdrawalId: string;
  amount: number;
  currency: string;
  status: Row['status'];
  /** The card, masked: `•••• 4242`. */
  card: string;
  /** Why the provider refused, when it did; the money is back where it came from. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

const view = (r: Row): WithdrawalView => ({
  withdrawalId: r.id,
  amount: Number(r.amount),
  currency: r.currency,
  status: r.status,
  card: `•••• ${r.card_last4}`,
  reason: r.reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const accountOf = (o: WithdrawalOwner): AccountRef => (o.kind === 'wallet' ? accounts.wallet(o.id) : accounts.merchant(o.id));

/**
 * Withdrawals to a card. The money leaves the account in the same transaction that records the
 * withdrawal, so it cannot be spent twice while the provider pays out; a refused payout puts it
 * back; a payout the provider never answered (a crash, a timeout) stays pending and is asked
 * again, under the same key, until it has an answer.
 */
export function createWithdrawals(ctx: PayContext) {
  const { db, provider } = ctx;
  const get = (id: string) => db.selectFrom('pay_withdrawals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /**
   * Takes `amount` out of the owner's account and pays it to the card. A user's withdrawal needs
   * the payment PIN; a merchant's is made by its signed-in account.
   */
  async function withdraw(owner: WithdrawalOwner, input: WithdrawInput, pin?: string): Promise<WithdrawalView> {
    return (await withdrawOnce(owner, input, pin)).withdrawal;
  }

  /** As `withdraw`, saying whether the key's withdrawal was made before (the API marks such answers replayed). */
  async function withdrawOnce(owner: WithdrawalOwner, input: WithdrawInput, pin?: string): Promise<{ withdrawal: WithdrawalView; replayed: boolean }> {
    checkAmount(input.amount, MAX_WITHDRAWAL, 'A withdrawal');
    checkCurrency(input.currency);
    const card = cardDigits(input.card);
    if (!card) throw new AtriumError('invalid_args', 'A card number is 12 to 19 digits.');
    const earlier = await byKey(owner, input.idempotencyKey);
    if (earlier) return { withdrawal: sameOrConflict(earlier, input, card), replayed: true };

    const id = sortableId();
    const at = ctx.clock().toISOString();
    const row: Row = {
      id, owner_kind: owner.kind, owner_id: owner.id, amount: input.amount, currency: input.currency,
      card, card_last4: card.slice(-4), status: 'pending', reason: null, provider_ref: null,
      idempotency_key: input.idempotencyKey, created_at: at, updated_at: at,
    };
    try {
      await ctx.transact(async (trx) => {
        // A wrong PIN throws here, and nothing of the withdrawal is written.
        const checked = pin === undefined ? null : await ctx.pins.verify(trx, owner.id, pin);
        await trx.insertInto('pay_withdrawals').values(row).execute();
        await transfer(trx, { key: `withdraw:${id}`, debit: accountOf(owner), credit: accounts.external(provider.name), amount: input.amount, currency: input.currency, kind: 'withdrawal' });
        if (checked) await ctx.pins.recordSuccess(trx, owner.id, checked.failedBefore);
      });
    } catch (e) {
      if (e instanceof WrongPin) await ctx.pins.recordFailure(owner.id);
      // The same key sent twice at once: the other request wrote it first.
      const raced = await byKey(owner, input.idempotencyKey);
      if (raced) return { withdrawal: sameOrConflict(raced, input, card), replayed: true };
      throw e;
    }
    const done = await payOut(row);
    if (done.status === 'failed') throw new AtriumError('payment_declined', `${done.reason ?? 'The payout was refused.'} The money is back in your ${owner.kind === 'wallet' ? 'wallet' : 'balance'}.`);
    return { withdrawal: done, replayed: false };
  }

  function byKey(owner: WithdrawalOwner, key: string): Promise<Row | undefined> {
    return db.selectFrom('pay_withdrawals').selectAll().where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id).where('idempotency_key', '=', key).executeTakeFirst();
  }

  function sameOrConflict(r: Row, input: WithdrawInput, card: string): WithdrawalView {
    if (Number(r.amount) !== input.amount || r.currency !== input.currency || r.card_last4 !== card.slice(-4)) {
      throw new AtriumError('conflict', 'This idempotency key was used for a different withdrawal.');
    }
    return view(r);
  }

  /** Asks the provider to pay a pending withdrawal and records its answer; no answer leaves it pending. */
  async function payOut(r: Row): Promise<WithdrawalView> {
    if (r.status !== 'pending') return view(r);
    let result: PayoutResult;
    try {
      result = await provider.payout({ card: r.card, amount: Number(r.amount), currency: r.currency, idempotencyKey: `withdraw:${r.id}` });
    } catch {
      return view(r);
    }
    const at = ctx.clock().toISOString();
    await ctx.transact(async (trx) => {
      const settled = await trx
        .updateTable('pay_withdrawals')
        .set({ status: result.status === 'succeeded' ? 'succeeded' : 'failed', reason: result.status === 'declined' ? result.reason : null, provider_ref: result.ref, card: '', updated_at: at })
        .where('id', '=', r.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(settled.numUpdatedRows) !== 1 || result.status === 'succeeded') return;
      const owner = { kind: r.owner_kind, id: r.owner_id };
      await transfer(trx, { key: `withdraw-return:${r.id}`, debit: accounts.external(provider.name), credit: accountOf(owner), amount: Number(r.amount), currency: r.currency, kind: 'withdrawal_return' });
    });
    return view(await get(r.id));
  }

  /** Asks again about payouts left pending by a crash or a provider that did not answer. */
  async function settlePending(): Promise<number> {
    const before = new Date(ctx.clock().getTime() - RETRY_AFTER_MS).toISOString();
    const rows = await db.selectFrom('pay_withdrawals').selectAll().where('status', '=', 'pending').where('updated_at', '<', before).orderBy('updated_at').limit(100).execute();
    for (const r of rows) await payOut(r);
    return rows.length;
  }

  /** The owner's withdrawals, newest first; `before` is the id of the last one of the previous page. */
  async function list(owner: WithdrawalOwner, opts: { before?: string; limit?: number } = {}): Promise<WithdrawalView[]> {
    let q = db.selectFrom('pay_withdrawals').selectAll().where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id);
    if (opts.before) q = q.where('id', '<', opts.before);
    const rows = await q.orderBy('id', 'desc').limit(Math.min(Math.max(opts.limit ?? 50, 1), 200)).execute();
    return rows.map(view);
  }

  return { withdraw, withdrawOnce, settlePending, list };
}

export type Withdrawals = ReturnType<typeof createWithdrawals>;
