import type { Kysely, Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { now, sortableId } from '../../db/index.ts';
import type { AppsTables, AuditAction } from './tables.ts';
import { appView, versionView, type AppView, type ReleaseState, type VersionView } from './views.ts';

/** Who did something: a merchant on their own apps, an admin, or the platform itself (seeds). */
export interface Actor {
  id: string;
  kind: 'merchant' | 'admin' | 'system';
}

export type AppsDb = Kysely<AppsTables> | Transaction<AppsTables>;

/** Queries the lifecycle's parts share. */
export function appsStore(db: Kysely<AppsTables>) {
  /**
   * The app, when `actor` may act on it: admins and the platform on any, a merchant on their own.
   * Another merchant's app answers not_found, as no app does, so ids reveal nothing.
   */
  async function appFor(actor: Actor, appId: string, q: AppsDb = db) {
    let query = q.selectFrom('apps_apps').selectAll().where('id', '=', appId);
    if (actor.kind === 'merchant') query = query.where('merchant_id', '=', actor.id);
    const row = await query.executeTakeFirst();
    if (!row) throw new AtriumError('not_found', actor.kind === 'merchant' ? `No app "${appId}" among yours.` : `No app "${appId}".`);
    return row;
  }

  async function releaseRow(appId: string, q: AppsDb = db) {
    return q.selectFrom('apps_releases').selectAll().where('app_id', '=', appId).executeTakeFirst();
  }

  async function releaseState(appId: string, q: AppsDb = db): Promise<ReleaseState | null> {
    const r = await releaseRow(appId, q);
    if (!r) return null;
    const ids = [r.version_id, ...(r.gray_version_id ? [r.gray_version_id] : [])];
    const versions = await q.selectFrom('apps_versions').select(['id', 'version']).where('id', 'in', ids).execute();
    const number = (id: string) => versions.find((v) => v.id === id)?.version ?? '?';
    return {
      version: number(r.version_id),
      versionId: r.version_id,
      gray: r.gray_version_id ? { version: number(r.gray_version_id), versionId: r.gray_version_id, percent: Number(r.gray_percent) } : null,
      releasedAt: r.released_at,
    };
  }

  async function inReview(appId: string, q: AppsDb = db): Promise<string | null> {
    const row = await q.selectFrom('apps_versions').select('version').where('app_id', '=', appId).where('status', '=', 'in_review').executeTakeFirst();
    return row?.version ?? null;
  }

  async function viewApp(row: AppsTables['apps_apps'], q: AppsDb = db): Promise<AppView> {
    return appView(row, await releaseState(row.id, q), await inReview(row.id, q));
  }

  const versionColumns = [
    'id', 'app_id', 'version', 'manifest', 'status', 'release_notes', 'size_bytes', 'checks', 'diff', 'submitted_at',
    'decided_at', 'decided_by', 'reasons', 'decision_note', 'released_at', 'created_at',
  ] as const;

  /** An app's versions, newest first. */
  async function versions(appId: string, q: AppsDb = db): Promise<VersionView[]> {
    const rows = await q.selectFrom('apps_versions').select(versionColumns).where('app_id', '=', appId).orderBy('created_at', 'desc').orderBy('version', 'desc').execute();
    const release = await releaseRow(appId, q);
    return rows.map((r) => versionView(r, release));
  }

  async function versionRow(appId: string, version: string, q: AppsDb = db) {
    const row = await q.selectFrom('apps_versions').select(versionColumns).where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `No version ${version} of "${appId}".`);
    return row;
  }

  async function viewVersion(row: Parameters<typeof versionView>[0], q: AppsDb = db): Promise<VersionView> {
    return versionView(row, await releaseRow(row.app_id, q));
  }

  async function audit(q: AppsDb, actor: Actor, action: AuditAction, target: { appId: string; versionId?: string | null }, reason: string | null, detail: Record<string, unknown> = {}) {
    await q
      .insertInto('apps_audit')
      .values({ id: sortableId(), at: now(), actor_id: actor.id, actor_kind: actor.kind, action, app_id: target.appId, version_id: target.versionId ?? null, reason, detail: JSON.stringify(detail) })
      .execute();
  }

  return { appFor, releaseRow, releaseState, inReview, viewApp, versions, versionRow, viewVersion, versionColumns, audit };
}

export type AppsStore = ReturnType<typeof appsStore>;
