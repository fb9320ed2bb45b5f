import { sql, type Kysely } from 'kysely';
import { AtriumError, manifestSchema, type Manifest } from '../../../sdk/contract/index.ts';
import { newId, now } from '../../db/index.ts';
import type { AppsTables } from './tables.ts';

/** What the directory shows of an app. */
export interface AppSummary {
  id: string;
  merchantId: string;
  name: string;
  category: string;
  description: string;
  version: string;
}

/** A version ready to run: its code, manifest and where its assets are. */
export interface RunnableVersion {
  appId: string;
  merchantId: string;
  versionId: string;
  version: string;
  manifest: Manifest;
  bundle: string;
}

export interface PublishInput {
  manifest: Manifest;
  bundle: string;
  assets: { path: string; contentType: string; bytes: Uint8Array }[];
}

/**
 * Apps, their versions and which version users get. Submission, review and gray release add to
 * this in their own issue; for now a version is published by the platform (the demo seed).
 */
export function createAppsService(db: Kysely<AppsTables>) {
  async function createApp(input: { id?: string; merchantId: string; name: string; category: string; description: string }): Promise<string> {
    const id = input.id ?? newId();
    await db
      .insertInto('apps_apps')
      .values({ id, merchant_id: input.merchantId, name: input.name, category: input.category, description: input.description, status: 'active', created_at: now() })
      .execute();
    return id;
  }

  /** Stores a version with its assets and makes it the one every user gets, in one transaction. */
  async function publish(appId: string, input: PublishInput): Promise<string> {
    const versionId = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('apps_versions')
        .values({ id: versionId, app_id: appId, version: input.manifest.version, manifest: JSON.stringify(input.manifest), bundle: input.bundle, status: 'published', created_at: now() })
        .execute();
      for (const a of input.assets) {
        await trx
          .insertInto('apps_assets')
          .values({ version_id: versionId, path: a.path, content_type: a.contentType, data: Buffer.from(a.bytes).toString('base64') })
          .execute();
      }
      const released = { version_id: versionId, released_at: now() };
      await trx
        .insertInto('apps_releases')
        .values({ app_id: appId, ...released })
        .onConflict((oc) => oc.column('app_id').doUpdateSet(released))
        .execute();
    });
    return versionId;
  }

  /** Released, active apps, optionally filtered by a search over names and descriptions and a category. */
  async function directory(filter: { search?: string; category?: string } = {}): Promise<AppSummary[]> {
    let q = db
      .selectFrom('apps_apps as a')
      .innerJoin('apps_releases as r', 'r.app_id', 'a.id')
      .innerJoin('apps_versions as v', 'v.id', 'r.version_id')
      .where('a.status', '=', 'active')
      .select(['a.id', 'a.merchant_id', 'a.name', 'a.category', 'a.description', 'v.version']);
    if (filter.category) q = q.where('a.category', '=', filter.category);
    if (filter.search) {
      // Escape LIKE's wildcards so a search for "50%" means the text "50%".
      const needle = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(lower(a.name) like ${needle} escape '\\' or lower(a.description) like ${needle} escape '\\')`);
    }
    const rows = await q.orderBy('a.name').execute();
    return rows.map((r) => ({ id: r.id, merchantId: r.merchant_id, name: r.name, category: r.category, description: r.description, version: r.version }));
  }

  /** The version a user opening the app runs. */
  async function runnable(appId: string): Promise<RunnableVersion> {
    const row = await db
      .selectFrom('apps_apps as a')
      .innerJoin('apps_releases as r', 'r.app_id', 'a.id')
      .innerJoin('apps_versions as v', 'v.id', 'r.version_id')
      .where('a.id', '=', appId)
      .select(['a.id', 'a.merchant_id', 'a.status', 'v.id as version_id', 'v.version', 'v.manifest', 'v.bundle'])
      .executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `no released app "${appId}"`);
    if (row.status !== 'active') throw new AtriumError('forbidden', 'this mini-program is suspended');
    return {
      appId: row.id,
      merchantId: row.merchant_id,
      versionId: row.version_id,
      version: row.version,
      manifest: manifestSchema.parse(JSON.parse(row.manifest)),
      bundle: row.bundle,
    };
  }

  async function asset(versionId: string, path: string): Promise<{ contentType: string; bytes: Buffer }> {
    const row = await db
      .selectFrom('apps_assets')
      .where('version_id', '=', versionId)
      .where('path', '=', path)
      .select(['content_type', 'data'])
      .executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `no asset "${path}"`);
    return { contentType: row.content_type, bytes: Buffer.from(row.data, 'base64') };
  }

  async function categories(): Promise<string[]> {
    const rows = await db.selectFrom('apps_apps').where('status', '=', 'active').select('category').distinct().orderBy('category').execute();
    return rows.map((r) => r.category);
  }

  return { createApp, publish, directory, runnable, asset, categories };
}

export type AppsService = ReturnType<typeof createAppsService>;
