import { sql, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

/** Frozen in time: written against Kysely<any>, never against today's table types. */
export const identityMigrations: ModuleMigrations = {
  '2026-11-25-01-identity-accounts': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('user', 'merchant', 'admin')`))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('identity_accounts_kind_email').on('identity_accounts').columns(['kind', 'email']).unique().execute();
    },
  },
  '2026-11-25-02-identity-app-credentials': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_app_credentials')
        .addColumn('app_id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull().references('identity_accounts.id'))
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identity_app_credentials_merchant').on('identity_app_credentials').column('merchant_id').execute();
    },
  },
  '2026-11-25-03-identity-login-codes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_login_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull().references('identity_accounts.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      // Expired codes are swept by time.
      await db.schema.createIndex('identity_login_codes_expires').on('identity_login_codes').column('expires_at').execute();
    },
  },
  '2026-11-27-01-identity-revoked-tokens': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_revoked_tokens')
        .addColumn('jti', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identity_revoked_tokens_expires').on('identity_revoked_tokens').column('expires_at').execute();
    },
  },
  '2026-11-27-02-identity-sessions-valid-from': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('identity_accounts').addColumn('sessions_valid_from', 'text').execute();
    },
  },
  '2026-11-27-03-identity-login-failures': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_login_failures')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identity_login_failures_since').on('identity_login_failures').column('since').execute();
    },
  },
};
