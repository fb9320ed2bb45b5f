import type { Kysely } from 'kysely';
import { now } from '../db/index.ts';
import type { SessionsTables } from './migrations.ts';

/** What a user decided about a personal-data scope for an app; the "Me" page can revoke it. */
export function createConsents(db: Kysely<SessionsTables>) {
  async function decision(userId: string, appId: string, scope: string): Promise<boolean | null> {
    const row = await db
      .selectFrom('sessions_consents')
      .where('user_id', '=', userId)
      .where('app_id', '=', appId)
      .where('scope', '=', scope)
      .select('granted')
      .executeTakeFirst();
    return row ? row.granted === 1 : null;
  }

  async function record(userId: string, appId: string, scope: string, granted: boolean): Promise<void> {
    const values = { granted: granted ? 1 : 0, decided_at: now() };
    await db
      .insertInto('sessions_consents')
      .values({ user_id: userId, app_id: appId, scope, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'app_id', 'scope']).doUpdateSet(values))
      .execute();
  }

  async function list(userId: string) {
    return db.selectFrom('sessions_consents').where('user_id', '=', userId).selectAll().orderBy('decided_at', 'desc').execute();
  }

  /** Forgets a decision, so the app must ask again. */
  async function revoke(userId: string, appId: string, scope: string): Promise<void> {
    await db.deleteFrom('sessions_consents').where('user_id', '=', userId).where('app_id', '=', appId).where('scope', '=', scope).execute();
  }

  /** Forgets every decision of a user (their account is being erased). */
  async function clear(userId: string): Promise<void> {
    await db.deleteFrom('sessions_consents').where('user_id', '=', userId).execute();
  }

  return { decision, record, list, revoke, clear };
}

export type Consents = ReturnType<typeof createConsents>;
