import type { Kysely } from 'kysely';
import { AtriumError, scopes, type Scope } from '../../../sdk/contract/index.ts';
import { now } from '../../db/index.ts';
import type { Actor, AppsStore } from './store.ts';
import type { AppsTables } from './tables.ts';
import type { AppView, RejectionReason, VersionView } from './views.ts';

/** A version waiting for (or past) review, with all a reviewer needs on one screen. */
export interface ReviewItem {
  app: AppView;
  version: VersionView;
  /** The scopes it asks for, each with its title and the merchant's reason. */
  scopes: { scope: Scope; title: string; reason: string }[];
  /** Seconds since submission (to the decision, once decided). */
  waitingSeconds: number;
}

/** Admins' side: the queue, oldest first, and the decisions. */
export function createReview(db: Kysely<AppsTables>, store: AppsStore) {
  async function item(versionId: string): Promise<ReviewItem> {
    const row = await db.selectFrom('apps_versions').select(store.versionColumns).where('id', '=', versionId).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', 'No such version.');
    const app = await store.viewApp(await store.appFor({ id: 'review', kind: 'system' }, row.app_id));
    const version = await store.viewVersion(row);
    const asked = Object.entries(version.manifest.permissions) as [Scope, { reason: string }][];
    const end = version.decidedAt ? Date.parse(version.decidedAt) : Date.now();
    return {
      app,
      version,
      scopes: asked.map(([scope, { reason }]) => ({ scope, title: scopes[scope].title, reason })),
      waitingSeconds: Math.max(0, Math.round((end - Date.parse(version.submittedAt)) / 1000)),
    };
  }

  /** Versions in review, the longest waiting first. */
  async function queue(): Promise<ReviewItem[]> {
    const rows = await db.selectFrom('apps_versions').select('id').where('status', '=', 'in_review').orderBy('submitted_at').orderBy('id').execute();
    return Promise.all(rows.map((r) => item(r.id)));
  }

  async function decide(actor: Actor, versionId: string, decision: 'approved' | 'rejected', reasons: RejectionReason[], note: string | null): Promise<ReviewItem> {
    const current = await item(versionId);
    const at = now();
    const updated = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('apps_versions')
        .set({ status: decision, decided_at: at, decided_by: actor.id, reasons: JSON.stringify(reasons), decision_note: note })
        .where('id', '=', versionId)
        .where('status', '=', 'in_review')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      const action = decision === 'approved' ? 'version.approve' : 'version.reject';
      const reason = decision === 'approved' ? note : reasons.map((x) => x.message).join('; ');
      await store.audit(trx, actor, action, { appId: current.app.id, versionId }, reason, { version: current.version.version, reasons, note });
      return true;
    });
    if (!updated) throw new AtriumError('conflict', `Version ${current.version.version} of ${current.app.name} is not in review (it is ${current.version.status.replace('_', ' ')}).`);
    return item(versionId);
  }

  async function approve(actor: Actor, versionId: string, note?: string): Promise<ReviewItem> {
    return decide(actor, versionId, 'approved', [], note?.trim() || null);
  }

  /** Each reason names the page or scope it is about, which must be one the version has. */
  async function reject(actor: Actor, versionId: string, reasons: RejectionReason[]): Promise<ReviewItem> {
    if (!reasons.length) throw new AtriumError('invalid_args', 'Say why: a rejection needs at least one reason.');
    const { version } = await item(versionId);
    for (const r of reasons) {
      if (r.page !== undefined && !version.manifest.pages.includes(r.page)) throw new AtriumError('invalid_args', `The version has no page "${r.page}".`);
      if (r.scope !== undefined && !(r.scope in version.manifest.permissions)) throw new AtriumError('invalid_args', `The version does not ask for the scope "${r.scope}".`);
    }
    return decide(actor, versionId, 'rejected', reasons, null);
  }

  return { queue, item, approve, reject };
}
