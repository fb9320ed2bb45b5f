import { AtriumError } from '../../../sdk/contract/index.ts';
import { newId } from '../../db/index.ts';
import type { PayContext } from './context.ts';
import type { ChargeResult } from './provider.ts';
import { checkAmount, checkCurrency } from './inputs.ts';
import { accounts, balancesOf, statementOf, transfer, type PayDb } from './ledger.ts';
import type { PaymentsTables } from './tables.ts';

const MAX_TOPUP = 5_000_000; // 50,000.00 in major units per top-up

type TopUpRow = PaymentsTables['pay_topups'];

export interface TopUpView {
  topUpId: string;
  amount: number;
  currency: string;
  status: PaymentsTables['pay_topups']['status'];
  /** What to ask the card holder when the status is `challenge`. */
  prompt?: string;
  createdAt: string;
}

const topUpView = (r: TopUpRow, prompt?: string): TopUpView => ({
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

  /** Marks a challenged top-up succeeded and credits it, once, whoever gets there first. */
  async function credit(topUp: TopUpRow): Promise<void> {
    await ctx.transact(async (trx) => {
      const r = await trx.updateTable('pay_topups').set({ status: 'succeeded', updated_at: ctx.clock().toISOString() }).where('id', '=', topUp.id).where('status', '=', 'challenge').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return;
      await creditWallet(trx, topUp);
    });
  }

  function creditWallet(trx: PayDb, topUp: TopUpRow) {
    return transfer(trx, { key: `topup:${topUp.id}`, debit: accounts.external(provider.name), credit: accounts.wallet(topUp.user_id), amount: Number(topUp.amount), currency: topUp.currency, kind: 'topup' });
  }

  async function decline(topUp: TopUpRow): Promise<void> {
    await db.updateTable('pay_topups').set({ status: 'declined', updated_at: ctx.clock().toISOString() }).where('id', '=', topUp.id).where('status', '=', 'challenge').execute();
  }

  const get = (id: string) => db.selectFrom('pay_topups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /**
   * Records what the provider said to a charge already written as waiting on a challenge: the
   * answer to a retried request, which may be the first one's answer that never reached the client.
   */
  async function settle(topUp: TopUpRow, result: ChargeResult): Promise<TopUpView> {
    if (result.status === 'declined') {
      await decline(topUp);
      throw new AtriumError('payment_declined', result.reason);
    }
    if (result.status === 'succeeded') await credit(topUp);
    return topUpView(await get(topUp.id), result.status === 'challenge' ? result.prompt : undefined);
  }

  /**
   * Charges a card and credits the wallet. The same `idempotencyKey` again returns the first
   * top-up and charges nothing (a challenged one comes back with its prompt, so a client whose
   * first answer was lost can still finish it); a challenged charge waits for `confirmTopUp`.
   */
  async function topUp(userId: string, input: { amount: number; currency: string; card: string; idempotencyKey: string }): Promise<TopUpView> {
    checkAmount(input.amount, MAX_TOPUP, 'A top-up');
    checkCurrency(input.currency);
    const charge = () => provider.charge({ card: input.card, amount: input.amount, currency: input.currency, idempotencyKey: `${userId}:${input.idempotencyKey}` });
    const again = async (earlier: TopUpRow) => {
      if (Number(earlier.amount) !== input.amount || earlier.currency !== input.currency) throw new AtriumError('conflict', 'This idempotency key was used for a different top-up.');
      if (earlier.status !== 'challenge') return topUpView(earlier);
      // The provider answers the same key with the same charge, never a second one; another
      // charge's reference means the retry named another card.
      const result = await charge();
      if (result.ref !== earlier.provider_ref) throw new AtriumError('conflict', 'This idempotency key was used for a top-up from another card.');
      return settle(earlier, result);
    };
    const byKey = () => db.selectFrom('pay_topups').selectAll().where('user_id', '=', userId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    const earlier = await byKey();
    if (earlier) return again(earlier);

    const result = await charge();
    const at = ctx.clock().toISOString();
    const row: TopUpRow = {
      id: newId(), user_id: userId, amount: input.amount, currency: input.currency, status: result.status, provider_ref: result.ref,
      idempotency_key: input.idempotencyKey, created_at: at, updated_at: at,
    };
    try {
      // An approved charge is written and credited together: there is no moment at which the card
      // was charged, the top-up recorded and the wallet not credited.
      await ctx.transact(async (trx) => {
        await trx.insertInto('pay_topups').values(row).execute();
        if (result.status === 'succeeded') await creditWallet(trx, row);
      });
    } catch (e) {
      // The same key sent twice at once: the other request wrote it first.
      const raced = await byKey();
      if (raced) return again(raced);
      throw e;
    }
    if (result.status === 'declined') throw new AtriumError('payment_declined', result.reason);
    return topUpView(row, result.status === 'challenge' ? result.prompt : undefined);
  }

  /**
   * Completes a challenged top-up with the bank's code. Sent again after it went through, it
   * answers the finished top-up and credits nothing twice.
   */
  async function confirmTopUp(userId: string, topUpId: string, code: string): Promise<TopUpView> {
    const row = await db.selectFrom('pay_topups').selectAll().where('id', '=', topUpId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', 'No such top-up.');
    if (row.status !== 'challenge') return topUpView(row);
    return settle(row, await provider.confirm(row.provider_ref, code));
  }

  async function wallet(userId: string) {
    return { balances: await balancesOf(db, accounts.wallet(userId)), pin: await ctx.pins.status(userId), sandbox: provider.sandbox };
  }

  async function statement(userId: string, currency: string, opts: { before?: string; limit?: number } = {}) {
    return statementOf(db, accounts.wallet(userId), currency, opts);
  }

  return { topUp, confirmTopUp, wallet, statement, setPin: ctx.pins.set };
}
