import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const storageMigrations: ModuleMigrations = {
  '2026-11-25-20-storage-items': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('storage_items')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('storage_items_pk', ['app_id', 'user_id', 'key'])
        .execute();
    },
  },
};

export interface StorageTables {
  storage_items: { app_id: string; user_id: string; key: string; value: string; bytes: number; updated_at: string };
}
