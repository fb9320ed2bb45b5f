import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AtriumError, manifestSchema, type Manifest } from '../../../sdk/contract/index.ts';
import { newId, now } from '../../db/index.ts';
import { sniffImage } from './images.ts';
import type { AppsTables } from './tables.ts';

/** What the directory shows of an app. */
export interface AppSummary {
  id: string;
  merchantId: string;
  name: string;
  category: string;
  description: string;
  version: string;
  iconUrl: string | null;
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

export interface AppDetails {
  name: string;
  category: string;
  description: string;
  /** PNG, JPEG or WebP, at most 256 KiB; told by its bytes, not a claimed type. */
  icon?: Uint8Array | null;
}

const MAX_ICON_BYTES = 256 * 1024;
const ICON_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Which of an app's two live versions a user gets: a stable bucket 0-99 from user and app. */
export function grayBucket(appId: string, userId: string): number {
  return createHash('sha256').update(`${appId}\0${userId}`).digest().readUInt32BE(0) % 100;
}

export function iconColumns(icon: Uint8Array | null | undefined): { icon: string | null; icon_type: string | null } | undefined {
  if (icon === undefined) return undefined;
  if (icon === null) return { icon: null, icon_type: null };
  if (icon.length > MAX_ICON_BYTES) throw new AtriumError('too_large', `The icon is ${Math.ceil(icon.length / 1024)} KiB; the limit is 256 KiB.`);
  const type = sniffImage(icon);
  if (!type || !ICON_TYPES.includes(type)) throw new AtriumError('invalid_args', 'The icon must be a PNG, JPEG or WebP image.');
  return { icon: Buffer.from(icon).toString('base64'), icon_type: type };
}

/**
 * The registry: apps, their versions' code and assets, and which version a user runs. Submission,
 * review and release live in lifecycle.ts and write the same tables.
 */
export function createAppsService(db: Kysely<AppsTables>) {
  /** An app with no versions yet (tests; merchants make theirs through lifecycle.createApp). */
  async function createApp(input: { id?: string; merchantId: string } & AppDetails): Promise<string> {
    const id = input.id ?? newId();
    await insertApp(db, id, input.merchantId, input);
    return id;
  }

  /**
   * The platform's own shortcut for tests: stores a version as approved and releases it to everyone,
   * without checks or review. Merchants' versions go through lifecycle.submit.
   */
  async function publish(appId: string, input: PublishInput): Promise<string> {
    const versionId = newId();
    const at = now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('apps_versions')
        .values({
          id: versionId,
          app_id: appId,
          version: input.manifest.version,
          manifest: JSON.stringify(input.manifest),
          bundle: input.bundle,
          status: 'approved',
          release_notes: '',
          size_bytes: Buffer.byteLength(input.bundle) + input.assets.reduce((n, a) => n + a.bytes.length, 0),
          checks: '[]',
          diff: '{}',
          submitted_at: at,
          decided_at: at,
          decided_by: 'system',
          reasons: '[]',
          released_at: at,
          created_at: at,
        })
        .execute();
      await insertAssets(trx, versionId, input.assets);
      const released = { version_id: versionId, gray_version_id: null, gray_percent: 0, released_at: at };
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
      .select(['a.id', 'a.merchant_id', 'a.name', 'a.category', 'a.description', 'v.version', 'a.icon_type']);
    if (filter.category) q = q.where('a.category', '=', filter.category);
    if (filter.search) {
      // Escape LIKE's wildcards so a search for "50%" means the text "50%".
      const needle = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(lower(a.name) like ${needle} escape '\\' or lower(a.description) like ${needle} escape '\\')`);
    }
    const rows = await q.orderBy('a.name').execute();
    return rows.map((r) => ({
      id: r.id,
      merchantId: r.merchant_id,
      name: r.name,
      category: r.category,
      description: r.description,
      version: r.version,
      iconUrl: r.icon_type ? `/api/apps/${encodeURIComponent(r.id)}/icon` : null,
    }));
  }

  function refuseSuspended(app: { name: string; status: string; suspended_reason: string | null }): void {
    if (app.status !== 'active') {
      const reason = app.suspended_reason ?? 'no reason given';
      throw new AtriumError('app_suspended', `${app.name} has been suspended by the platform: ${reason}`, { name: app.name, reason });
    }
  }

  /**
   * The version `userId` runs when opening the app now: the gray version for users whose bucket is
   * inside its share, the full release for everyone else.
   */
  async function runnable(appId: string, userId?: string): Promise<RunnableVersion> {
    const row = await db
      .selectFrom('apps_apps as a')
      .innerJoin('apps_releases as r', 'r.app_id', 'a.id')
      .where('a.id', '=', appId)
      .select(['a.id', 'a.name', 'a.merchant_id', 'a.status', 'a.suspended_reason', 'r.version_id', 'r.gray_version_id', 'r.gray_percent'])
      .executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `no released app "${appId}"`);
    refuseSuspended(row);
    const gray = row.gray_version_id && userId !== undefined && grayBucket(appId, userId) < Number(row.gray_percent);
    return versionOf(row.merchant_id, gray ? row.gray_version_id! : row.version_id);
  }

  /** A version a session already runs, to bring the session back; refused if the app is suspended. */
  async function runningVersion(appId: string, versionId: string): Promise<RunnableVersion> {
    const app = await db.selectFrom('apps_apps').where('id', '=', appId).select(['name', 'merchant_id', 'status', 'suspended_reason']).executeTakeFirst();
    if (!app) throw new AtriumError('not_found', `no app "${appId}"`);
    refuseSuspended(app);
    return versionOf(app.merchant_id, versionId, appId);
  }

  // A version never changes once stored, so every open after the first reads it from here.
  const versions = createVersionCache(32 * 1024 * 1024);

  async function versionOf(merchantId: string, versionId: string, appId?: string): Promise<RunnableVersion> {
    let v = versions.get(versionId);
    if (!v) {
      const row = await db.selectFrom('apps_versions').where('id', '=', versionId).select(['app_id', 'version', 'manifest', 'bundle']).executeTakeFirst();
      if (!row) throw new AtriumError('not_found', 'no such version');
      v = { appId: row.app_id, version: row.version, manifest: manifestSchema.parse(JSON.parse(row.manifest)), bundle: row.bundle };
      versions.set(versionId, v);
    }
    if (appId && v.appId !== appId) throw new AtriumError('not_found', 'no such version');
    return { ...v, merchantId, versionId };
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

  async function icon(appId: string): Promise<{ contentType: string; bytes: Buffer }> {
    const row = await db.selectFrom('apps_apps').where('id', '=', appId).select(['icon', 'icon_type']).executeTakeFirst();
    if (!row?.icon || !row.icon_type) throw new AtriumError('not_found', 'this app has no icon');
    return { contentType: row.icon_type, bytes: Buffer.from(row.icon, 'base64') };
  }

  async function categories(): Promise<string[]> {
    const rows = await db
      .selectFrom('apps_apps as a')
      .innerJoin('apps_releases as r', 'r.app_id', 'a.id')
      .where('a.status', '=', 'active')
      .select('a.category')
      .distinct()
      .orderBy('a.category')
      .execute();
    return rows.map((r) => r.category);
  }

  return { createApp, publish, directory, runnable, runningVersion, asset, icon, categories };
}

/** A new, active app without a licence. The category is kept in lower case. */
export async function insertApp(q: Kysely<AppsTables>, id: string, merchantId: string, input: AppDetails): Promise<void> {
  await q
    .insertInto('apps_apps')
    .values({
      id,
      merchant_id: merchantId,
      name: input.name,
      category: input.category.toLowerCase(),
      description: input.description,
      status: 'active',
      suspended_reason: null,
      licensed: 0,
      ...(iconColumns(input.icon) ?? { icon: null, icon_type: null }),
      created_at: now(),
    })
    .execute();
}

export async function insertAssets(trx: Kysely<AppsTables>, versionId: string, assets: PublishInput['assets']): Promise<void> {
  for (const a of assets) {
    await trx
      .insertInto('apps_assets')
      .values({ version_id: versionId, path: a.path, content_type: a.contentType, data: Buffer.from(a.bytes).toString('base64') })
      .execute();
  }
}

export type AppsService = ReturnType<typeof createAppsService>;

type StoredVersion = Pick<RunnableVersion, 'appId' | 'version' | 'manifest' | 'bundle'>;

/** Parsed versions by id, least recently used first out once their bundles pass `maxBytes`. */
function createVersionCache(maxBytes: number) {
  const byId = new Map<string, StoredVersion>();
  let bytes = 0;
  return {
    get(id: string): StoredVersion | undefined {
      const v = byId.get(id);
      if (v) {
        byId.delete(id);
        byId.set(id, v);
      }
      return v;
    },
    set(id: string, v: StoredVersion): void {
      if (byId.has(id)) return;
      byId.set(id, v);
      bytes += v.bundle.length;
      for (const [oldest, old] of byId) {
        if (bytes <= maxBytes || oldest === id) break;
        byId.delete(oldest);
        bytes -= old.bundle.length;
      }
    },
  };
}
