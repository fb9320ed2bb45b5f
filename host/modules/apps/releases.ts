import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { now } from '../../db/index.ts';
import type { Actor, AppsStore } from './store.ts';
import type { AppsTables } from './tables.ts';
import type { ReleaseState } from './views.ts';

/**
 * Release and rollback. An approved version goes to everyone, or first to a stable share of users
 * that only grows; rollback returns everyone to any version released before, also mid-gray. A
 * user's open session keeps its version: only opening the app again picks the new one.
 */
export function createReleases(db: Kysely<AppsTables>, store: AppsStore) {
  async function release(actor: Actor, appId: string, version: string, percent = 100): Promise<ReleaseState> {
    if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new AtriumError('invalid_args', 'The percentage is a whole number from 1 to 100.');
    const app = await store.appFor(actor, appId);
    if (app.status !== 'active') throw new AtriumError('app_suspended', `${app.name} is suspended; it can be released again once the platform reinstates it.`);
    const v = await store.versionRow(appId, version);
    if (v.status !== 'approved') throw new AtriumError('conflict', `Version ${version} is ${v.status.replace('_', ' ')}; only approved versions can be released.`);
    const at = now();
    await db.transaction().execute(async (trx) => {
      const current = await store.releaseRow(appId, trx);
      if (!current) {
        if (percent < 100) throw new AtriumError('conflict', "An app's first release goes to everyone; gray releases are for the versions after it.");
        await trx.insertInto('apps_releases').values({ app_id: appId, version_id: v.id, gray_version_id: null, gray_percent: 0, released_at: at }).execute();
      } else {
        if (current.version_id === v.id) throw new AtriumError('conflict', `Version ${version} is already out to everyone.`);
        const live = await trx.selectFrom('apps_versions').select(['version', 'created_at']).where('id', '=', current.version_id).executeTakeFirstOrThrow();
        if (v.created_at < live.created_at) throw new AtriumError('conflict', `Version ${version} is older than ${live.version}, which users have now; use atrium rollback ${version} --app ${appId} to go back to it.`);
        if (percent < 100 && current.gray_version_id === v.id && percent <= Number(current.gray_percent)) {
          throw new AtriumError('conflict', `A gray release only grows: ${version} is already at ${current.gray_percent}%.`);
        }
        const set = percent < 100 ? { gray_version_id: v.id, gray_percent: percent, released_at: at } : { version_id: v.id, gray_version_id: null, gray_percent: 0, released_at: at };
        await trx.updateTable('apps_releases').set(set).where('app_id', '=', appId).execute();
      }
      await trx.updateTable('apps_versions').set({ released_at: at }).where('id', '=', v.id).execute();
      await store.audit(trx, actor, percent < 100 ? 'release.gray' : 'release.full', { appId, versionId: v.id }, null, { version, percent });
    });
    return (await store.releaseState(appId))!;
  }

  /**
   * Everyone back to `version`, which must have been released before. Without a version: a gray
   * release in progress is called off, or else the version released before the current one returns.
   */
  async function rollback(actor: Actor, appId: string, version?: string): Promise<ReleaseState> {
    await store.appFor(actor, appId);
    await db.transaction().execute(async (trx) => {
      const current = await store.releaseRow(appId, trx);
      if (!current) throw new AtriumError('conflict', 'Nothing has been released yet, so there is nothing to roll back.');
      const live = await trx.selectFrom('apps_versions').select(['id', 'version', 'created_at']).where('id', '=', current.version_id).executeTakeFirstOrThrow();
      let target: { id: string; version: string };
      if (version !== undefined) {
        const v = await store.versionRow(appId, version, trx);
        if (!v.released_at) throw new AtriumError('conflict', `Version ${version} was never released; rollback goes back to versions users had.`);
        if (v.id === live.id && !current.gray_version_id) throw new AtriumError('conflict', `Version ${version} is already out to everyone.`);
        if (v.id === current.gray_version_id) throw new AtriumError('conflict', `Version ${version} is the gray release; release it to everyone instead, or roll back to another version.`);
        target = v;
      } else if (current.gray_version_id) {
        target = live;
      } else {
        const earlier = await trx
          .selectFrom('apps_versions')
          .select(['id', 'version'])
          .where('app_id', '=', appId)
          .where('released_at', 'is not', null)
          .where('created_at', '<', live.created_at)
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (!earlier) throw new AtriumError('conflict', `No version was released before ${live.version}; there is nothing to roll back to.`);
        target = earlier;
      }
      const from = { version: live.version, gray: current.gray_version_id ? { versionId: current.gray_version_id, percent: Number(current.gray_percent) } : null };
      await trx.updateTable('apps_releases').set({ version_id: target.id, gray_version_id: null, gray_percent: 0, released_at: now() }).where('app_id', '=', appId).execute();
      await trx.updateTable('apps_versions').set({ released_at: now() }).where('id', '=', target.id).execute();
      await store.audit(trx, actor, 'release.rollback', { appId, versionId: target.id }, null, { version: target.version, from });
    });
    return (await store.releaseState(appId))!;
  }

  return { release, rollback };
}
