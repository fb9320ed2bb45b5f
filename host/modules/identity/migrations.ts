import { PostgresAdapter, sql, type Kysely } from 'kysely';
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
  '2026-12-08-80-identity-staff': {
    async up(db: Kysely<any>) {
      await allowStaffKind(db);
      await db.schema
        .createTable('identity_staff')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('identity_accounts.id'))
        .addColumn('merchant_id', 'text', (c) => c.notNull().references('identity_accounts.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'manager', 'staff')`))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema.createIndex('identity_staff_merchant').on('identity_staff').columns(['merchant_id', 'added_at']).execute();
      await db.schema
        .createTable('identity_staff_invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('merchant_id', 'text', (c) => c.notNull().references('identity_accounts.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'manager', 'staff')`))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('account_id', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('identity_staff_invites_merchant').on('identity_staff_invites').columns(['merchant_id', 'created_at']).execute();
    },
  },
};

/**
 * Lets `identity_accounts.kind` be 'staff'. PostgreSQL swaps the check; SQLite cannot alter a
 * check, so the table is rebuilt under its name with foreign keys paused (the tables that refer to
 * it keep referring to the name), and the keys are checked before going on.
 */
async function allowStaffKind(db: Kysely<any>): Promise<void> {
  const kinds = sql`kind in ('user', 'merchant', 'admin', 'staff')`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'identity_accounts'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%'`.execute(db);
    for (const { name } of rows) await sql`alter table identity_accounts drop constraint ${sql.id(name)}`.execute(db);
    await sql`alter table identity_accounts add constraint identity_accounts_kind_check check (${kinds})`.execute(db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('identity_accounts_next')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull().check(kinds))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sessions_valid_from', 'text')
        .execute();
      await sql`insert into identity_accounts_next (id, kind, email, display_name, password_hash, created_at, disabled, sessions_valid_from)
        select id, kind, email, display_name, password_hash, created_at, disabled, sessions_valid_from from identity_accounts`.execute(trx);
      await trx.schema.dropTable('identity_accounts').execute();
      await sql`alter table identity_accounts_next rename to identity_accounts`.execute(trx);
      await trx.schema.createIndex('identity_accounts_kind_email').on('identity_accounts').columns(['kind', 'email']).unique().execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) throw new Error(`rebuilding identity_accounts broke ${broken.rows.length} references`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
