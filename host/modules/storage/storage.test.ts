import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { createStorageService, storageMigrations, type StorageService } from './index.ts';

describe.each(testDatabases())('storage on $name', (tdb) => {
  let db: Db<any>;
  let storage: StorageService;
  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [storageMigrations]);
    storage = createStorageService(db.kysely, { valueBytes: 100, totalBytes: 250 });
  });
  afterAll(() => db.close());

  it('gives back what was set, as JSON', async () => {
    await storage.set('app', 'u1', 'cart', [{ sku: 'tea', qty: 2 }]);
    expect(await storage.get('app', 'u1', 'cart')).toEqual([{ sku: 'tea', qty: 2 }]);
  });

  it('answers null for a key never set', async () => {
    expect(await storage.get('app', 'u1', 'nothing')).toBeNull();
  });

  it('keeps each user\'s storage apart', async () => {
    await storage.set('app', 'u2', 'k', 'mine');
    expect(await storage.get('app', 'u3', 'k')).toBeNull();
  });

  it('keeps each app\'s storage apart for the same user', async () => {
    await storage.set('app-a', 'u4', 'k', 'a');
    expect(await storage.get('app-b', 'u4', 'k')).toBeNull();
  });

  it('refuses a value over the per-value limit and keeps the old one', async () => {
    await storage.set('app', 'u5', 'k', 'small');
    await expect(storage.set('app', 'u5', 'k', 'x'.repeat(200))).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(await storage.get('app', 'u5', 'k')).toBe('small');
  });

  it('refuses a write that would pass the per-user quota', async () => {
    // Each is 90 characters, 2 quotes and a 1-byte key: 93 bytes; three would be 279 > 250.
    await storage.set('app', 'u6', 'a', 'x'.repeat(90));
    await storage.set('app', 'u6', 'b', 'x'.repeat(90));
    await expect(storage.set('app', 'u6', 'c', 'x'.repeat(90))).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect((await storage.info('app', 'u6')).keys).toEqual(['a', 'b']);
  });

  it('lets a key be overwritten within the quota', async () => {
    await storage.set('app', 'u7', 'a', 'x'.repeat(90));
    await storage.set('app', 'u7', 'b', 'x'.repeat(90));
    await storage.set('app', 'u7', 'b', 'x'.repeat(95));
    expect(((await storage.get('app', 'u7', 'b')) as string).length).toBe(95);
  });

  it('reports keys and usage', async () => {
    await storage.set('app', 'u8', 'k1', 1);
    await storage.set('app', 'u8', 'k2', 'two');
    expect(await storage.info('app', 'u8')).toEqual({ keys: ['k1', 'k2'], usedBytes: 3 + 7, limitBytes: 250 });
  });

  it('removes one key, or all of them', async () => {
    await storage.set('app', 'u9', 'k1', 1);
    await storage.set('app', 'u9', 'k2', 2);
    await storage.remove('app', 'u9', 'k1');
    expect((await storage.info('app', 'u9')).keys).toEqual(['k2']);
    await storage.clear('app', 'u9');
    expect((await storage.info('app', 'u9')).keys).toEqual([]);
  });

  it('stores strings built to break SQL as plain data', async () => {
    await storage.set('app', "u10'; DROP TABLE storage_items; --", "k'--", "'); DELETE FROM storage_items; --");
    expect(await storage.get('app', "u10'; DROP TABLE storage_items; --", "k'--")).toBe("'); DELETE FROM storage_items; --");
    expect(await storage.get('app', 'u1', 'cart')).not.toBeNull();
  });
});
