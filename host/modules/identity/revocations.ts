import type { Kysely } from 'kysely';
import type { IdentityTables } from './tables.ts';

/**
 * Tokens signed out before their expiry, by token id. A row outlives its token by nothing: once
 * the token would have expired anyway, the signature check refuses it and the row is swept.
 */
export function createRevocations(db: Kysely<IdentityTables>, now: () => Date) {
  return {
    async revoke(jti: string, expiresAtMs: number): Promise<void> {
      const at = now().toISOString();
      await db
        .insertInto('identity_revoked_tokens')
        .values({ jti, expires_at: new Date(expiresAtMs).toISOString() })
        .onConflict((oc) => oc.column('jti').doNothing())
        .execute();
      await db.deleteFrom('identity_revoked_tokens').where('expires_at', '<', at).execute();
    },

    async isRevoked(jti: string): Promise<boolean> {
      const row = await db.selectFrom('identity_revoked_tokens').select('jti').where('jti', '=', jti).executeTakeFirst();
      return row !== undefined;
    },
  };
}
