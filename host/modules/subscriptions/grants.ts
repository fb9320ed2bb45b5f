import type { Kysely, Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { sortableId, transact } from '../../db/index.ts';
import { enqueue } from '../webhooks/index.ts';
import type { GrantRow, SubscriptionsTables } from './tables.ts';
import type { SubscriptionSummary } from './views.ts';

type Db = Kysely<SubscriptionsTables>;
type Trx = Transaction<SubscriptionsTables>;

/** Who accepted, in which app and version: what each grant records beside its template. */
export interface Acceptance {
  appId: string;
  merchantId: string;
  appName: string;
  versionId: string;
  userId: string;
  openid: string;
}

/**
 * Grants: one per acceptance of one template, used by one send. The merchant keeps the count;
 * the host only refuses a send that has no unused grant left.
 */
export function createGrants(db: Db, clock: () => Date = () => new Date()) {
  /** Records one grant per accepted template and tells the merchant (`subscription.accepted`), in one transaction. */
  async function record(who: Acceptance, templates: { id: string; title: string }[]): Promise<void> {
    if (!templates.length) return;
    const at = clock().toISOString();
    await transact(db, async (trx) => {
      await trx
        .insertInto('sub_grants')
        .values(
          templates.map((t) => ({
            id: `sg_${sortableId()}`,
            app_id: who.appId,
            merchant_id: who.merchantId,
            user_id: who.userId,
            openid: who.openid,
            template_id: t.id,
            title: t.title,
            app_name: who.appName,
            version_id: who.versionId,
            status: 'unused' as const,
            granted_at: at,
            used_at: null,
            send_id: null,
            revoked_at: null,
          })),
        )
        .execute();
      await enqueue(trx, { merchantId: who.merchantId, type: 'subscription.accepted', at, data: { appId: who.appId, openid: who.openid, templateIds: templates.map((t) => t.id), acceptedAt: at } });
    });
  }

  /** The user behind an openid of the app, if they ever accepted one of its templates. */
  async function userOf(appId: string, openid: string): Promise<string | null> {
    const row = await db.selectFrom('sub_grants').select('user_id').where('app_id', '=', appId).where('openid', '=', openid).limit(1).executeTakeFirst();
    return row?.user_id ?? null;
  }

  /**
   * Uses the oldest unused grant of the openid's template for `sendId`, or refuses with
   * `no_grant`. The grant is taken by an update that only succeeds while it is still unused: of
   * two sends that picked the same grant at once, the second waits for the first to commit, finds
   * it used, and looks again, so two sends use two grants or the second is refused.
   */
  async function use(trx: Trx, q: { appId: string; openid: string; templateId: string; sendId: string }): Promise<GrantRow> {
    const at = clock().toISOString();
    for (;;) {
      const next = await trx
        .selectFrom('sub_grants')
        .selectAll()
        .where('app_id', '=', q.appId)
        .where('openid', '=', q.openid)
        .where('template_id', '=', q.templateId)
        .where('status', '=', 'unused')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!next) throw new AtriumError('no_grant', `The user has no unused subscription to "${q.templateId}": each acceptance allows one message, and they must accept again.`);
      const taken = await trx.updateTable('sub_grants').set({ status: 'used', used_at: at, send_id: q.sendId }).where('id', '=', next.id).where('status', '=', 'unused').executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { ...next, status: 'used', used_at: at, send_id: q.sendId };
    }
  }

  /** A user's unused grants, per app and template, the most recently accepted first. */
  async function listFor(userId: string): Promise<SubscriptionSummary[]> {
    const rows = await db
      .selectFrom('sub_grants')
      .select(['app_id', 'template_id', (eb) => eb.fn.countAll<number>().as('unused'), (eb) => eb.fn.max('granted_at').as('last'), (eb) => eb.fn.max('id').as('newest')])
      .where('user_id', '=', userId)
      .where('status', '=', 'unused')
      .groupBy(['app_id', 'template_id'])
      .execute();
    // Names as the newest acceptance saw them.
    const newest = rows.length ? await db.selectFrom('sub_grants').select(['id', 'app_name', 'title']).where('id', 'in', rows.map((r) => r.newest as string)).execute() : [];
    const names = new Map(newest.map((n) => [n.id, n]));
    return rows
      .map((r) => ({
        appId: r.app_id,
        appName: names.get(r.newest as string)?.app_name ?? r.app_id,
        templateId: r.template_id,
        title: names.get(r.newest as string)?.title ?? r.template_id,
        unused: Number(r.unused),
        lastAcceptedAt: r.last as string,
      }))
      .sort((a, b) => (a.lastAcceptedAt < b.lastAcceptedAt ? 1 : a.lastAcceptedAt > b.lastAcceptedAt ? -1 : a.templateId.localeCompare(b.templateId)));
  }

  /**
   * Takes back the user's unused grants of an app (or of one of its templates): no send can use
   * them after this. The merchant hears which and how many (`subscription.revoked`). Resolves to
   * how many were revoked; none is not an error.
   */
  async function revoke(userId: string, appId: string, templateId?: string): Promise<number> {
    const at = clock().toISOString();
    return transact(db, async (trx) => {
      let q = trx.updateTable('sub_grants').set({ status: 'revoked', revoked_at: at }).where('user_id', '=', userId).where('app_id', '=', appId).where('status', '=', 'unused');
      if (templateId !== undefined) q = q.where('template_id', '=', templateId);
      const gone = await q.returning(['template_id', 'merchant_id', 'openid']).execute();
      if (!gone.length) return 0;
      const counts = new Map<string, number>();
      for (const g of gone) counts.set(g.template_id, (counts.get(g.template_id) ?? 0) + 1);
      await enqueue(trx, {
        merchantId: gone[0]!.merchant_id,
        type: 'subscription.revoked',
        at,
        data: { appId, openid: gone[0]!.openid, revoked: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, count]) => ({ templateId: id, count })), revokedAt: at },
      });
      return gone.length;
    });
  }

  /** Every grant of a user, for their export. */
  async function everything(userId: string) {
    const rows = await db.selectFrom('sub_grants').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    return rows.map((r) => ({ appId: r.app_id, appName: r.app_name, templateId: r.template_id, title: r.title, status: r.status, acceptedAt: r.granted_at, usedAt: r.used_at, revokedAt: r.revoked_at }));
  }

  /** Forgets a user (erasure): their grants and the record of what was sent to them. */
  async function eraseUser(userId: string): Promise<void> {
    await transact(db, async (trx) => {
      await trx.deleteFrom('sub_grants').where('user_id', '=', userId).execute();
      await trx.deleteFrom('sub_sends').where('user_id', '=', userId).execute();
    });
  }

  return { record, userOf, use, listFor, revoke, everything, eraseUser };
}

export type Grants = ReturnType<typeof createGrants>;
