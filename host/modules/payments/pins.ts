import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { prepared, transact } from '../../db/index.ts';
import type { PaymentsTables } from './tables.ts';
import type { PayDb } from './ledger.ts';

export const MAX_PIN_TRIES = 5;
const LOCK_MS = 15 * 60_000;
const PIN = /^\d{6}$/;

/**
 * Payment PINs. Six digits are guessable offline whatever the hash, so the defence is the lock
 * after five wrong tries; the hash is keyed by the platform secret (a stolen table alone gives
 * nothing), and checking one costs microseconds, not the tens of milliseconds of a password KDF.
 */
export function createPins(db: Kysely<PaymentsTables>, mac: (message: string) => string, clock: () => Date) {
  const hashOf = (userId: string, pin: string) => mac(`pay-pin:${userId}:${pin}`);

  async function set(userId: string, pin: string, currentPin?: string): Promise<void> {
    if (!PIN.test(pin)) throw new AtriumError('invalid_args', 'A payment PIN is 6 digits.');
    const row = await db.selectFrom('pay_wallets').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (row?.pin_hash) {
      if (currentPin === undefined) throw new AtriumError('invalid_args', 'Give the current PIN to change it.');
      // A wrong current PIN counts like one at the payment sheet: otherwise changing the PIN
      // would be a way to guess it without ever meeting the lock.
      await verify(db, userId, currentPin).catch(async (e: unknown) => {
        if (e instanceof WrongPin) await recordFailure(userId);
        throw e;
      });
    }
    const at = clock().toISOString();
    await db
      .insertInto('pay_wallets')
      .values({ user_id: userId, pin_hash: hashOf(userId, pin), failed_pins: 0, locked_until: null, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ pin_hash: hashOf(userId, pin), failed_pins: 0, locked_until: null, updated_at: at }))
      .execute();
  }

  /**
   * Checks a PIN inside the caller's transaction. A wrong one counts (and is committed even though
   * the payment fails: the caller records it through `recordFailure` outside its rollback).
   */
  async function verify(q: PayDb, userId: string, pin: string): Promise<{ failedBefore: number }> {
    const [row] = (await pinOf(q, userId)).rows;
    if (!row?.pin_hash) throw new AtriumError('forbidden', 'Set a payment PIN in your wallet first.');
    if (row.locked_until && Date.parse(row.locked_until) > clock().getTime()) {
      throw new AtriumError('rate_limited', `Too many wrong PINs: the wallet is locked until ${new Date(row.locked_until).toLocaleTimeString('en-GB')}.`, { lockedUntil: row.locked_until });
    }
    const given = Buffer.from(hashOf(userId, String(pin)));
    const stored = Buffer.from(row.pin_hash);
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
      throw new WrongPin(MAX_PIN_TRIES - Number(row.failed_pins) - 1);
    }
    return { failedBefore: Number(row.failed_pins) };
  }

  /**
   * Counts a wrong PIN; the fifth in a row locks the wallet for a while. The count grows in the
   * database, not from a value read first, so wrong PINs sent at once each count.
   */
  async function recordFailure(userId: string): Promise<void> {
    await transact(db, async (trx) => {
      const at = clock();
      const row = await trx
        .updateTable('pay_wallets')
        .set((eb) => ({ failed_pins: eb('failed_pins', '+', 1), updated_at: at.toISOString() }))
        .where('user_id', '=', userId)
        .returning('failed_pins')
        .executeTakeFirst();
      if (!row || Number(row.failed_pins) < MAX_PIN_TRIES) return;
      await trx.updateTable('pay_wallets').set({ failed_pins: 0, locked_until: new Date(at.getTime() + LOCK_MS).toISOString() }).where('user_id', '=', userId).execute();
    });
  }

  async function recordSuccess(q: PayDb, userId: string, failedBefore: number): Promise<void> {
    if (failedBefore > 0) await q.updateTable('pay_wallets').set({ failed_pins: 0 }).where('user_id', '=', userId).execute();
  }

  async function status(userId: string): Promise<{ hasPin: boolean; lockedUntil: string | null; triesLeft: number }> {
    const row = await db.selectFrom('pay_wallets').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const locked = row?.locked_until && Date.parse(row.locked_until) > clock().getTime() ? row.locked_until : null;
    return { hasPin: !!row?.pin_hash, lockedUntil: locked, triesLeft: MAX_PIN_TRIES - Number(row?.failed_pins ?? 0) };
  }

  return { set, verify, recordFailure, recordSuccess, status };
}

const pinOf = prepared<[string], Pick<PaymentsTables['pay_wallets'], 'pin_hash' | 'failed_pins' | 'locked_until'>>((db, userId) =>
  db.selectFrom('pay_wallets').select(['pin_hash', 'failed_pins', 'locked_until']).where('user_id', '=', userId),
);

export class WrongPin extends AtriumError {
  constructor(readonly triesLeft: number) {
    super('wrong_pin', triesLeft > 0 ? `Wrong PIN: ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.` : 'Wrong PIN: the wallet is now locked for 15 minutes.', { triesLeft });
  }
}

export type Pins = ReturnType<typeof createPins>;
