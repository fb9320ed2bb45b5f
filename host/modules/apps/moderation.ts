import { sql, type Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import type { Actor, AppsStore } from './store.ts';
import type { AppsTables, AuditAction } from './tables.ts';
import { auditView, type AppView, type AuditEntry, type VersionView } from './views.ts';

export interface AuditFilter {
  appId?: string;
  actorKind?: AuditEntry['actorKind'];
  action?: AuditAction;
  /** The id of the last entry of the previous page: entries written before it come next. */
  before?: string;
  limit?: number;
}

function needReason(reason: string | undefined): string {
  const r = reason?.trim() ?? '';
  if (r.length < 4) throw new AtriumError('invalid_args', 'Give a reason (at least 4 characters): it is shown to the merchant and kept in the audit log.');
  return r;
}

/** Admins' powers over apps: suspension, licences, and the record of everything decided. */
export function createModeration(db: Kysely<AppsTables>, store: AppsStore) {
  async function setStatus(actor: Actor, appId: string, to: 'active' | 'suspended', reason: string): Promise<AppView> {
    const app = await store.appFor(actor, appId);
    if (app.status === to) throw new AtriumError('conflict', `${app.name} is already ${to === 'active' ? 'active' : 'suspended'}.`);
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('apps_apps')
        .set({ status: to, suspended_reason: to === 'suspended' ? reason : null })
        .where('id', '=', appId)
        .where('status', '=', app.status)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AtriumError('conflict', `${app.name} changed while you decided; look again.`);
      await store.audit(trx, actor, to === 'suspended' ? 'app.suspend' : 'app.reinstate', { appId }, reason);
    });
    return store.viewApp(await store.appFor(actor, appId));
  }

  /** Takes the app out of the directory and refuses to open it; the caller ends its live sessions. */
  async function suspend(actor: Actor, appId: string, reason: string): Promise<AppView> {
    return setStatus(actor, appId, 'suspended', needReason(reason));
  }

  async function reinstate(actor: Actor, appId: string, reason: string): Promise<AppView> {
    return setStatus(actor, appId, 'active', needReason(reason));
  }

  /** Grants or withdraws the licence a restricted category needs. */
  async function licence(actor: Actor, appId: string, granted: boolean, reason: string): Promise<AppView> {
    const why = needReason(reason);
    await store.appFor(actor, appId);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('apps_apps').set({ licensed: granted ? 1 : 0 }).where('id', '=', appId).execute();
      await store.audit(trx, actor, 'app.licence', { appId }, why, { granted });
    });
    return store.viewApp(await store.appFor(actor, appId));
  }

  /** Every app, for admins, optionally by a search over id, name and merchant and by status. */
  async function allApps(filter: { search?: string; status?: 'active' | 'suspended' } = {}): Promise<AppView[]> {
    let q = db.selectFrom('apps_apps').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.search) {
      const needle = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(lower(name) like ${needle} escape '\\' or lower(id) like ${needle} escape '\\' or lower(merchant_id) like ${needle} escape '\\')`);
    }
    const rows = await q.orderBy('name').limit(500).execute();
    return Promise.all(rows.map((r) => store.viewApp(r)));
  }

  /** One app as an admin sees it: its state, every version and everything done to it. */
  async function history(actor: Actor, appId: string): Promise<{ app: AppView; versions: VersionView[]; audit: AuditEntry[] }> {
    const app = await store.viewApp(await store.appFor(actor, appId));
    return { app, versions: await store.versions(appId), audit: await auditLog({ appId, limit: 200 }) };
  }

  /** Newest first. */
  async function auditLog(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let q = db.selectFrom('apps_audit').selectAll();
    if (filter.appId) q = q.where('app_id', '=', filter.appId);
    if (filter.actorKind) q = q.where('actor_kind', '=', filter.actorKind);
    if (filter.action) q = q.where('action', '=', filter.action);
    // Ids sort in the order entries were written, so they page without gaps or repeats even when
    // several entries share a millisecond.
    if (filter.before) q = q.where('id', '<', filter.before);
    const rows = await q.orderBy('id', 'desc').limit(Math.min(Math.max(filter.limit ?? 100, 1), 500)).execute();
    return rows.map(auditView);
  }

  return { suspend, reinstate, licence, allApps, history, auditLog };
}
