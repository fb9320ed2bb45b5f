import { AtriumError } from '../../../sdk/contract/index.ts';
import { newId } from '../../db/index.ts';
import type { PayContext } from './context.ts';
import { checkAmount, checkCurrency } from './inputs.ts';
import { accounts, balancesOf, statementOf, transfer } from './ledger.ts';
import type { PaymentsTables } from './tables.ts';

const MAX_TOPUP = 5_000_000; // 50,000.00 in major units per top-up

export interface TopUpView {
  topUpId: string;
  amount: number;
  currency: string;
  status: PaymentsTables['pay_topups']['status'];
  /** What to ask the card holder when the status is `challenge`. */
  prompt?: string;
  createdAt: string;
}

const topUpView = (r: PaymentsTables['pay_topups'], prompt?: string): TopUpView => ({
  topUpId: r.id,
  amount: Number(r.amount),
  currency: r.currency,
  status: r.status,
  ...(prompt ? { prompt } : {}),
  createdAt: r.created_at,
});

/** A user's wallet: balances, statement, top-ups from a card. */
export function createWallet(ctx: PayContext) {
  const { db, provider } = ctx;

  async function credit(topUp: PaymentsTables['pay_topups']): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('pay_topups').set({ status: 'succeeded', updated_at: ctx.clock().toISOString() }).where('id', '=', topUp.id).where('status', '!=', 'succeeded').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return;
      await transfer(trx, { key: `topup:${topUp.id}`, debit: accounts.external(provider.name), credit: accounts.wallet(topUp.user_id), amount: Number(topUp.amount), currency: topUp.currency, kind: 'topup' });
    });
  }

  /**
   * Charges a card and credits the wallet. The same `idempotencyKey` again returns the first
   * top-up and charges nothing; a challenged charge waits for `confirmTopUp`.
   */
  async function topUp(userId: string, input: { amount: number; currency: string; card: string; idempotencyKey: string }): Promise<TopUpView> {
    checkAmount(input.amount, MAX_TOPUP, 'A top-up');
    checkCurrency(input.currency);
    const earlier = await db.selectFrom('pay_topups').selectAll().where('user_id', '=', userId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (earlier) {
      if (Number(earlier.amount) !== input.amount || earlier.currency !== input.currency) throw new AtriumError('conflict', 'This idempotency key was used for a different top-up.');
      return topUpView(earlier);
    }
    const id = newId();
    const result = await provider.charge({ card: input.card, amount: input.amount, currency: input.currency, idempotencyKey: `${userId}:${input.idempotencyKey}` });
    const at = ctx.clock().toISOString();
    const row: PaymentsTables['pay_topups'] = {
      id, user_id: userId, amount: input.amount, currency: input.currency,
      status: result.status === 'succeeded' ? 'challenge' : result.status, provider_ref: result.ref,
      idempotency_key: input.idempotencyKey, created_at: at, updated_at: at,
    };
    await db.insertInto('pay_topups').values(row).execute();
    if (result.status === 'declined') throw new AtriumError('payment_declined', result.reason);
    if (result.status === 'succeeded') await credit(row);
    const stored = await db.selectFrom('pay_topups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return topUpView(stored, result.status === 'challenge' ? result.prompt : undefined);
  }

  async function confirmTopUp(userId: string, topUpId: string, code: string): Promise<TopUpView> {
    const row = await db.selectFrom('pay_topups').selectAll().where('id', '=', topUpId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', 'No such top-up.');
    if (row.status !== 'challenge') return topUpView(row);
    const result = await provider.confirm(row.provider_ref, code);
    if (result.status === 'declined') {
      await db.updateTable('pay_topups').set({ status: 'declined', updated_at: ctx.clock().toISOString() }).where('id', '=', topUpId).execute();
      throw new AtriumError('payment_declined', result.reason);
    }
    if (result.status === 'succeeded') await credit(row);
    return topUpView(await db.selectFrom('pay_topups').selectAll().where('id', '=', topUpId).executeTakeFirstOrThrow());
  }

  async function wallet(userId: string) {
    return { balances: await balancesOf(db, accounts.wallet(userId)), pin: await ctx.pins.status(userId), sandbox: provider.sandbox };
  }

  async function statement(userId: string, currency: string, opts: { before?: string; limit?: number } = {}) {
    return statementOf(db, accounts.wallet(userId), currency, opts);
  }

  return { topUp, confirmTopUp, wallet, statement, setPin: ctx.pins.set };
}
