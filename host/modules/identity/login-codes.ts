import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import type { AppCredentials } from './app-credentials.ts';
import { openidFor, unionidFor, type PlatformSecret } from './platform-secret.ts';
import type { IdentityTables } from './tables.ts';

export const LOGIN_CODE_MS = 5 * 60 * 1000;
/** Spent and expired codes are kept a day so a replay is told "already used", then swept. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export interface ExchangedIdentity {
  /** The user as this app sees them. */
  openid: string;
  /** The user as this app's merchant sees them across its apps. */
  unionid: string;
}

/**
 * `auth.login()` for mini-programs: the host gives the program a short-lived single-use code; the
 * merchant's backend trades it, with the app secret, for the user's openid and unionid. The
 * program itself never learns who the user is.
 */
export function createLoginCodes(db: Kysely<IdentityTables>, credentials: AppCredentials, secret: PlatformSecret, now: () => Date) {
  return {
    async issue(appId: string, userId: string): Promise<{ code: string; expiresAt: string }> {
      const user = await db.selectFrom('identity_accounts').select('id').where('id', '=', userId).where('kind', '=', 'user').where('disabled', '=', 0).executeTakeFirst();
      if (!user) throw new AtriumError('not_found', 'No such user.');
      const at = now();
      const code = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + LOGIN_CODE_MS).toISOString();
      await db.deleteFrom('identity_login_codes').where('expires_at', '<', new Date(at.getTime() - KEEP_MS).toISOString()).execute();
      await db.insertInto('identity_login_codes').values({ code, app_id: appId, account_id: userId, expires_at: expiresAt, used_at: null }).execute();
      return { code, expiresAt };
    },

    async exchange(appId: string, appSecret: string, code: string): Promise<ExchangedIdentity> {
      const { merchantId } = await credentials.verify(appId, appSecret);
      const at = now().toISOString();
      // Claiming the code and checking it are one statement: of two exchanges racing, the
      // database lets exactly one UPDATE match `used_at IS NULL`, and only that one gets a row back.
      const claimed = await db
        .updateTable('identity_login_codes')
        .set({ used_at: at })
        .where('code', '=', code)
        .where('app_id', '=', appId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('account_id')
        .executeTakeFirst();
      if (claimed) return { openid: openidFor(secret, appId, claimed.account_id), unionid: unionidFor(secret, merchantId, claimed.account_id) };

      // Why not: another app's code is reported exactly like one that never existed.
      const row = await db.selectFrom('identity_login_codes').select(['used_at', 'expires_at']).where('code', '=', code).where('app_id', '=', appId).executeTakeFirst();
      if (!row) throw new AtriumError('not_found', 'Unknown login code.');
      if (row.used_at !== null) throw new AtriumError('conflict', 'This login code has already been used.');
      throw new AtriumError('expired', 'This login code has expired; call auth.login() again.');
    },
  };
}

export type LoginCodes = ReturnType<typeof createLoginCodes>;
