import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { UNKNOWN_ADDRESS, type AccountKind, type VerifiedCaller } from '../../http/index.ts';
import type { AccountView } from './account-input.ts';
import { createAccounts } from './accounts.ts';
import { createAppCredentials, type IssuedAppSecret } from './app-credentials.ts';
import { createLoginCodes, type ExchangedIdentity } from './login-codes.ts';
import { loadPlatformSecret, openidFor, unionidFor, type PlatformSecret } from './platform-secret.ts';
import { openSigningKeys } from './signing-keys.ts';
import { createStaff, type Staff } from './staff.ts';
import type { IdentityTables, StoredKind } from './tables.ts';
import { createTokens, type TokenUse } from './tokens.ts';
import { createRevocations } from './revocations.ts';
import { createVerifiedTokens } from './verified-tokens.ts';

export interface IdentityOptions {
  /** The host's database, migrated with identityMigrations. */
  db: Kysely<any>;
  /** Where `keys/` (signing keys, platform secret) lives; made on first start. */
  dataDir: string;
  /** The clock; tests pass their own instead of sleeping. */
  now?: () => Date;
  /** How long a verified token is trusted without checking again (default 10 s; 0 checks every time). */
  verifiedTokenTtlMs?: number;
  /** The platform secret, when the caller read it already (it is read from dataDir otherwise). */
  secret?: PlatformSecret;
}

export interface IdentityService {
  /** Makes an account; invalid_args for bad input, conflict when the email is taken for the kind. */
  createAccount(kind: AccountKind, input: { email: string; password: string; displayName: string }): Promise<AccountView>;
  /** The first admin (CLI or first start); conflict when that admin exists. */
  createAdmin(email: string, password: string, displayName?: string): Promise<AccountView>;
  hasAdmin(): Promise<boolean>;
  /**
   * unauthorized (same answer for unknown email and wrong password), rate_limited, or forbidden if
   * disabled. `source` is the address the attempt came from: failures are throttled per account
   * and per source (login-throttle.ts); attempts with none given count as one source.
   */
  authenticate(kind: StoredKind, email: string, password: string, source?: string): Promise<AccountView>;
  /** An enabled account, or undefined. */
  /** `within`: run in the caller's transaction (a lookup from inside one). */
  getAccount(id: string, within?: Kysely<any>): Promise<AccountView | undefined>;
  issueToken(account: { id: string; kind: StoredKind }, use: TokenUse): Promise<{ token: string; expiresAt: string }>;
  /**
   * For the HTTP layer: a valid signature, unexpired, not signed out, naming an enabled account of
   * that kind. A staff member's token proves the merchant they act for, with their role.
   */
  verifyToken(token: string): Promise<VerifiedCaller>;
  /**
   * Changes the password after checking the current one (forbidden when wrong, throttled like
   * sign-in) and ends every other session: tokens issued before now stop verifying. Returns a
   * fresh token of `use` for the caller, who stays signed in.
   */
  changePassword(account: { id: string; kind: StoredKind }, current: string, next: string, use: TokenUse): Promise<{ token: string; expiresAt: string }>;
  /** Ends every session of the account, on every device, this one included. */
  signOutEverywhere(accountId: string): Promise<void>;
  /** Checks a signed-in account's password again before something that cannot be undone. */
  confirmPassword(accountId: string, password: string): Promise<void>;
  /** Erases who the account was (email, name, password) and disables it; its id stays for the books. */
  anonymize(accountId: string): Promise<void>;
  /**
   * Signs a token out: from now on it verifies nowhere (on other nodes within the few seconds a
   * verified token is trusted). A token that does not verify is left alone.
   */
  revokeToken(token: string): Promise<void>;
  /** A new current signing key; tokens signed by earlier keys keep verifying. Returns its kid. */
  rotateSigningKey(): Promise<string>;
  createAppSecret(merchantId: string, appId: string): Promise<IssuedAppSecret>;
  rotateAppSecret(merchantId: string, appId: string): Promise<IssuedAppSecret>;
  verifyAppSecret(appId: string, appSecret: string): Promise<{ merchantId: string }>;
  issueLoginCode(appId: string, userId: string): Promise<{ code: string; expiresAt: string }>;
  exchangeLoginCode(appId: string, appSecret: string, code: string): Promise<ExchangedIdentity>;
  openidFor(appId: string, userId: string): string;
  unionidFor(merchantId: string, userId: string): string;
  /** Merchants' teams: invitations, members and roles. */
  staff: Staff;
}

export async function createIdentityService(options: IdentityOptions): Promise<IdentityService> {
  const now = options.now ?? (() => new Date());
  const db = options.db as Kysely<IdentityTables>;
  const secret = options.secret ?? loadPlatformSecret(options.dataDir);
  const keys = await openSigningKeys(options.dataDir, now);
  const tokens = createTokens(keys, now);
  const accounts = createAccounts(db, now);
  const credentials = createAppCredentials(db, secret, now);
  const codes = createLoginCodes(db, credentials, secret, now);
  const revocations = createRevocations(db, now);
  // A changed role or a removal applies to this node at once, to others within a verified token's trust.
  const staff = createStaff(db, accounts, now, (staffId) => verified.forget((who) => who.staff?.id === staffId));
  const verified = createVerifiedTokens<VerifiedCaller>({ ttlMs: options.verifiedTokenTtlMs ?? 10_000, max: 50_000, now });

  return {
    createAccount: accounts.create,
    createAdmin: (email, password, displayName = 'Admin') => accounts.create('admin', { email, password, displayName }),
    hasAdmin: accounts.hasAdmin,
    authenticate: (kind, email, password, source = UNKNOWN_ADDRESS) => accounts.authenticate(kind, email, password, source),
    getAccount: accounts.get,
    issueToken: tokens.issue,
    async verifyToken(token) {
      const cached = verified.get(token);
      if (cached) return cached;
      const { expiresAtMs, issuedAtMs, jti, ...who } = await tokens.verify(token);
      // A signature proves who we said it was; the rows say whether that still holds.
      const state = await accounts.tokenState(who.id);
      if (state?.kind !== who.kind) throw new AtriumError('unauthorized', 'This account no longer exists or is disabled.');
      const signedOut = issuedAtMs < state.sessionsValidFromMs || (jti !== null && (await revocations.isRevoked(jti)));
      if (signedOut) throw new AtriumError('unauthorized', 'This session was signed out; sign in again.');
      let caller: VerifiedCaller;
      if (who.kind === 'staff') {
        const member = await staff.membership(who.id);
        if (!member) throw new AtriumError('unauthorized', 'You are no longer on this team.');
        caller = { id: member.merchantId, kind: 'merchant', staff: { id: who.id, role: member.role } };
      } else caller = { id: who.id, kind: who.kind };
      verified.set(token, caller, expiresAtMs);
      return caller;
    },
    async changePassword(account, current, next, use) {
      await accounts.changePassword(account.id, current, next);
      verified.forget((who) => (who.staff?.id ?? who.id) === account.id);
      // Issued after the change, so not before the moment it took effect: this one verifies.
      return tokens.issue(account, use);
    },
    confirmPassword: accounts.confirmPassword,
    async anonymize(accountId) {
      await accounts.anonymize(accountId);
      verified.forget((who) => (who.staff?.id ?? who.id) === accountId);
    },
    async signOutEverywhere(accountId) {
      await accounts.endSessions(accountId);
      verified.forget((who) => (who.staff?.id ?? who.id) === accountId);
    },
    async revokeToken(token) {
      const found = await tokens.verify(token).catch((e: unknown) => {
        if (e instanceof AtriumError) return null;
        throw e;
      });
      verified.delete(token);
      if (found?.jti) await revocations.revoke(found.jti, found.expiresAtMs);
    },
    rotateSigningKey: keys.rotate,
    createAppSecret: credentials.create,
    rotateAppSecret: credentials.rotate,
    verifyAppSecret: credentials.verify,
    issueLoginCode: codes.issue,
    exchangeLoginCode: codes.exchange,
    openidFor: (appId, userId) => openidFor(secret, appId, userId),
    unionidFor: (merchantId, userId) => unionidFor(secret, merchantId, userId),
    staff,
  };
}
