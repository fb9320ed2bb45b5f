import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { AppId } from './account-input.ts';
import type { PlatformSecret } from './platform-secret.ts';
import type { IdentityTables } from './tables.ts';

/** A new app secret, shown to the merchant this once; only its hash is kept. */
export interface IssuedAppSecret {
  appId: string;
  appSecret: string;
}

const WRONG_SECRET = 'The app id or app secret is wrong.';

/**
 * App secrets: what a merchant's backend proves itself with. They are 32 random bytes, so a keyed
 * hash (HMAC under the platform secret, bound to the app id) is as strong as a slow KDF here and
 * costs microseconds per check.
 */
export function createAppCredentials(db: Kysely<IdentityTables>, secret: PlatformSecret, now: () => Date) {
  const hashOf = (appId: string, appSecret: string) => secret.mac(`app-secret:${appId}:${appSecret}`);
  const fresh = () => randomBytes(32).toString('base64url');

  async function requireMerchant(merchantId: string): Promise<void> {
    const row = await db.selectFrom('identity_accounts').select('id').where('id', '=', merchantId).where('kind', '=', 'merchant').executeTakeFirst();
    if (!row) throw new AtriumError('not_found', 'No such merchant.');
  }

  return {
    /** Gives `appId` its first secret, owned by `merchantId`; `conflict` if it has one. */
    async create(merchantId: string, appId: string): Promise<IssuedAppSecret> {
      if (!AppId.safeParse(appId).success) throw new AtriumError('invalid_args', 'An app id is 1-128 characters without spaces, colons or control characters.');
      await requireMerchant(merchantId);
      const appSecret = fresh();
      const existing = await db.selectFrom('identity_app_credentials').select('app_id').where('app_id', '=', appId).executeTakeFirst();
      if (existing) throw new AtriumError('conflict', 'This app already has a secret; rotate it instead.');
      try {
        await db
          .insertInto('identity_app_credentials')
          .values({ app_id: appId, merchant_id: merchantId, secret_hash: hashOf(appId, appSecret), created_at: now().toISOString() })
          .execute();
      } catch (err) {
        const raced = await db.selectFrom('identity_app_credentials').select('app_id').where('app_id', '=', appId).executeTakeFirst();
        if (raced) throw new AtriumError('conflict', 'This app already has a secret; rotate it instead.');
        throw err;
      }
      return { appId, appSecret };
    },

    /**
     * Replaces the secret of one of `merchantId`'s apps; the old one stops working at once. Another
     * merchant's app answers not_found, the same as no app, so ids of others' apps reveal nothing.
     */
    async rotate(merchantId: string, appId: string): Promise<IssuedAppSecret> {
      const appSecret = fresh();
      const result = await db
        .updateTable('identity_app_credentials')
        .set({ secret_hash: hashOf(appId, appSecret), created_at: now().toISOString() })
        .where('app_id', '=', appId)
        .where('merchant_id', '=', merchantId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AtriumError('not_found', 'No such app among yours.');
      return { appId, appSecret };
    },

    /** The merchant owning `appId` when `appSecret` is its secret; unauthorized otherwise. */
    async verify(appId: string, appSecret: string): Promise<{ merchantId: string }> {
      const row = await db.selectFrom('identity_app_credentials').select(['merchant_id', 'secret_hash']).where('app_id', '=', appId).executeTakeFirst();
      const given = Buffer.from(hashOf(appId, appSecret));
      const stored = Buffer.from(row?.secret_hash ?? '');
      if (!row || given.length !== stored.length || !timingSafeEqual(given, stored)) throw new AtriumError('unauthorized', WRONG_SECRET);
      return { merchantId: row.merchant_id };
    },
  };
}

export type AppCredentials = ReturnType<typeof createAppCredentials>;
