import type { Kysely, Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { forUpdate, groupCommit, prepared, sortableId } from '../../db/index.ts';
import { stateOf } from './codes.ts';
import type { QrTables } from './tables.ts';

/** A repeat scan by the same person within this long is recorded but not counted again. */
export const DEDUPE_MS = 10 * 60_000;

type Trx = Transaction<QrTables>;
type CodeRow = QrTables['qr_codes'];

export interface Scanner {
  userId?: string;
  /** A signed-out visitor's id, kept by their browser. */
  visitorId?: string;
}

export interface ScanResult {
  scanId: string;
  code: CodeRow;
  counted: boolean;
  /** When this person first scanned this code (now, for a first scan). */
  firstScanAt: string;
  /** The scan made them a lead of the merchant: their first touch. */
  firstTouch: boolean;
}

const refusals: Record<Exclude<ReturnType<typeof stateOf>, 'live'>, () => AtriumError> = {
  paused: () => new AtriumError('expired', 'This code is paused by the shop for now.'),
  expired: () => new AtriumError('expired', 'This code has expired.'),
  used_up: () => new AtriumError('expired', 'This code has been scanned as many times as it allows.'),
};

/**
 * Scans: every one recorded, with who (a user, or a visitor until they sign in), when and how;
 * a repeat within ten minutes is not counted twice; a code's cap is decided on its locked row. A
 * user's first and last touch per merchant move with each counted scan. Scans arriving together
 * commit together (group commit), since a busy counter sees hundreds a second.
 */
export function createScans(db: Kysely<QrTables>, clock: () => Date) {
  const writes = groupCommit(db);

  /** Moves the person's touch; a first touch is counted on the code that made it. */
  async function touch(trx: Trx, merchantId: string, userId: string, codeId: string, at: string): Promise<boolean> {
    const [row] = (await q.touch(trx, merchantId, userId, codeId, at)).rows as { first_at: string; first_code_id: string }[];
    const first = !!row && row.first_at === at && row.first_code_id === codeId;
    if (first) await q.newCustomer(trx, codeId);
    return first;
  }

  /** Records a scan of a live code; a code that is not live is refused with why, and nothing is recorded. */
  async function record(codeId: string, who: Scanner, source: QrTables['qr_scans']['source']): Promise<ScanResult> {
    if (!who.userId && !who.visitorId) throw new AtriumError('invalid_request', 'A scan is by a user or a visitor.');
    return writes(async (t) => {
      const trx = t as Trx;
      const [code] = (await q.lockCode(trx, codeId)).rows;
      if (!code) throw new AtriumError('not_found', 'No such code.');
      const now = clock();
      const state = stateOf(code, now);
      if (state !== 'live') throw refusals[state]();
      const at = now.toISOString();
      const since = new Date(now.getTime() - DEDUPE_MS).toISOString();
      const [before] = (who.userId ? await q.byUser(trx, codeId, who.userId) : await q.byVisitor(trx, codeId, who.visitorId!)).rows;
      const counted = !before?.last || before.last <= since;
      const firstEver = !before?.first;
      if (counted) {
        await q.bump(trx, firstEver ? 1 : 0, codeId);
        await q.day(trx, codeId, at.slice(0, 10));
      }
      const scanId = `scn_${sortableId()}`;
      await q.insert(trx, scanId, codeId, code.merchant_id, who.userId ?? null, who.visitorId ?? null, at, source, counted ? 1 : 0);
      const firstTouch = who.userId && counted ? await touch(trx, code.merchant_id, who.userId, codeId, at) : false;
      return { scanId, code, counted, firstScanAt: before?.first ?? at, firstTouch };
    });
  }

  /**
   * A visitor signed in: their scans become the user's, and touches move as they would have.
   * Resolves to the codes whose first scan by this user this was, for the actions they trigger.
   */
  async function claim(visitorId: string, userId: string): Promise<string[]> {
    return db.transaction().execute(async (trx) => {
      const scans = await trx.selectFrom('qr_scans').select(['code_id', 'merchant_id', 'at', 'counted']).where('visitor_id', '=', visitorId).where('user_id', 'is', null).orderBy('at').execute();
      if (!scans.length) return [];
      await trx.updateTable('qr_scans').set({ user_id: userId }).where('visitor_id', '=', visitorId).where('user_id', 'is', null).execute();
      for (const s of scans) if (Number(s.counted) === 1) await touch(trx, s.merchant_id, userId, s.code_id, s.at);
      return [...new Set(scans.map((s) => s.code_id))];
    });
  }

  /** The scan a session was opened from, if it is this user's. */
  async function ofUser(scanId: string, userId: string) {
    const scan = await db.selectFrom('qr_scans').selectAll().where('id', '=', scanId).executeTakeFirst();
    if (!scan || scan.user_id !== userId) throw new AtriumError('not_found', 'No such scan.');
    const first = await db.selectFrom('qr_scans').select('at').where('code_id', '=', scan.code_id).where('user_id', '=', userId).orderBy('at').limit(1).executeTakeFirstOrThrow();
    return { scan, firstScanAt: first.at };
  }

  return { record, claim, ofUser };
}

export type Scans = ReturnType<typeof createScans>;

/** The statements every scan runs, compiled once (db/prepared.ts). */
const q = {
  lockCode: prepared<[string], CodeRow>((db, id) => forUpdate(db as unknown as Trx, (db as Kysely<QrTables>).selectFrom('qr_codes').selectAll().where('id', '=', id))),
  /** When this person first and last scanned the code (nulls when never). */
  byUser: prepared<[string, string], { first: string | null; last: string | null }>((db, code, user) =>
    (db as Kysely<QrTables>).selectFrom('qr_scans').select((eb) => [eb.fn.min('at').as('first'), eb.fn.max('at').as('last')]).where('user_id', '=', user).where('code_id', '=', code),
  ),
  byVisitor: prepared<[string, string], { first: string | null; last: string | null }>((db, code, visitor) =>
    (db as Kysely<QrTables>).selectFrom('qr_scans').select((eb) => [eb.fn.min('at').as('first'), eb.fn.max('at').as('last')]).where('visitor_id', '=', visitor).where('code_id', '=', code),
  ),
  bump: prepared<[number, string], never>((db, firstEver, id) => (db as Kysely<QrTables>).updateTable('qr_codes').set((eb) => ({ scans: eb('scans', '+', 1), uniques: eb('uniques', '+', firstEver) })).where('id', '=', id)),
  day: prepared<[string, string], never>((db, code, day) =>
    (db as Kysely<QrTables>).insertInto('qr_daily').values({ code_id: code, day, scans: 1 }).onConflict((oc) => oc.columns(['code_id', 'day']).doUpdateSet((eb) => ({ scans: eb('qr_daily.scans', '+', 1) }))),
  ),
  insert: prepared<[string, string, string, string | null, string | null, string, string, number], never>((db, id, code, merchant, user, visitor, at, source, counted) =>
    (db as Kysely<QrTables>).insertInto('qr_scans').values({ id, code_id: code, merchant_id: merchant, user_id: user, visitor_id: visitor, at, source: source as never, counted }),
  ),
  touch: prepared<[string, string, string, string], { first_at: string; first_code_id: string }>((db, merchant, user, code, at) =>
    (db as Kysely<QrTables>)
      .insertInto('qr_touches')
      .values({ merchant_id: merchant, user_id: user, first_code_id: code, first_at: at, last_code_id: code, last_at: at, staff: null })
      .onConflict((oc) => oc.columns(['merchant_id', 'user_id']).doUpdateSet({ last_code_id: code, last_at: at }))
      .returning(['first_at', 'first_code_id']),
  ),
  newCustomer: prepared<[string], never>((db, id) => (db as Kysely<QrTables>).updateTable('qr_codes').set((eb) => ({ new_customers: eb('new_customers', '+', 1) })).where('id', '=', id)),
};
