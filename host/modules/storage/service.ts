import type { Kysely } from 'kysely';
import { AtriumError, type Json } from '../../../sdk/contract/index.ts';
import { now } from '../../db/index.ts';
import type { StorageTables } from './migrations.ts';

export interface StorageLimits {
  valueBytes: number;
  totalBytes: number;
}

export const defaultStorageLimits: StorageLimits = { valueBytes: 1024 * 1024, totalBytes: 10 * 1024 * 1024 };

/** A user's key-value storage in one app, with per-value and per-user quotas. */
export function createStorageService(db: Kysely<StorageTables>, limits: StorageLimits = defaultStorageLimits) {
  const scope = (appId: string, userId: string) =>
    db.selectFrom('storage_items').where('app_id', '=', appId).where('user_id', '=', userId);

  async function get(appId: string, userId: string, key: string): Promise<Json | null> {
    const row = await scope(appId, userId).where('key', '=', key).select('value').executeTakeFirst();
    return row ? (JSON.parse(row.value) as Json) : null;
  }

  async function set(appId: string, userId: string, key: string, value: Json): Promise<void> {
    const text = JSON.stringify(value);
    const bytes = Buffer.byteLength(text) + Buffer.byteLength(key);
    if (bytes > limits.valueBytes) {
      throw new AtriumError('quota_exceeded', `a stored value is limited to ${limits.valueBytes} bytes; this one is ${bytes}`);
    }
    await db.transaction().execute(async (trx) => {
      const others = await trx
        .selectFrom('storage_items')
        .where('app_id', '=', appId)
        .where('user_id', '=', userId)
        .where('key', '!=', key)
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('bytes'), eb.val(0)).as('used'))
        .executeTakeFirstOrThrow();
      if (Number(others.used) + bytes > limits.totalBytes) {
        throw new AtriumError('quota_exceeded', `storage is limited to ${limits.totalBytes} bytes per user and app`);
      }
      const row = { value: text, bytes, updated_at: now() };
      await trx
        .insertInto('storage_items')
        .values({ app_id: appId, user_id: userId, key, ...row })
        .onConflict((oc) => oc.columns(['app_id', 'user_id', 'key']).doUpdateSet(row))
        .execute();
    });
  }

  async function remove(appId: string, userId: string, key: string): Promise<void> {
    await db.deleteFrom('storage_items').where('app_id', '=', appId).where('user_id', '=', userId).where('key', '=', key).execute();
  }

  async function info(appId: string, userId: string) {
    const rows = await scope(appId, userId).select(['key', 'bytes']).orderBy('key').execute();
    return { keys: rows.map((r) => r.key), usedBytes: rows.reduce((n, r) => n + Number(r.bytes), 0), limitBytes: limits.totalBytes };
  }

  async function clear(appId: string, userId: string): Promise<void> {
    await db.deleteFrom('storage_items').where('app_id', '=', appId).where('user_id', '=', userId).execute();
  }

  /** Everything stored for a user, in every app: what a data export hands them. */
  async function everything(userId: string): Promise<{ appId: string; key: string; value: Json; updatedAt: string }[]> {
    const rows = await db.selectFrom('storage_items').select(['app_id', 'key', 'value', 'updated_at']).where('user_id', '=', userId).orderBy('app_id').orderBy('key').execute();
    return rows.map((r) => ({ appId: r.app_id, key: r.key, value: JSON.parse(r.value) as Json, updatedAt: r.updated_at }));
  }

  /** Deletes everything stored for a user, in every app (their account is being erased). */
  async function eraseUser(userId: string): Promise<void> {
    await db.deleteFrom('storage_items').where('user_id', '=', userId).execute();
  }

  return { get, set, remove, info, clear, everything, eraseUser };
}

export type StorageService = ReturnType<typeof createStorageService>;
