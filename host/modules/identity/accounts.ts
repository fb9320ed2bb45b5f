import type { Kysely, Selectable } from 'kysely';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { newId } from '../../db/index.ts';
import { describeIssues, type AccountKind } from '../../http/index.ts';
import { Password, SignupInput, type AccountView } from './account-input.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { IdentityTables, StoredKind } from './tables.ts';

type AccountRow = Selectable<IdentityTables['identity_accounts']>;

/** The one way an account row leaves this module: named fields, so the hash cannot slip out. */
export function viewOf(row: AccountRow): AccountView {
  return { id: row.id, kind: row.kind, email: row.email, displayName: row.display_name, createdAt: row.created_at };
}

const WRONG_LOGIN = 'The email or password is wrong.';

/**
 * Where a signed-in account's password checks count from (changing the password, erasing the
 * account): a source of that account's own, so a thief holding a session cannot guess on without
 * bound, signing in stays open to the owner, and no other account's checks count with them.
 */
const signedIn = (accountId: string) => `a signed-in session of ${accountId}`;

/** The password hash of an erased account: not a hash at all, so no password ever matches it. */
const ERASED = 'erased';

export function createAccounts(db: Kysely<IdentityTables>, now: () => Date) {
  const throttle = createLoginThrottle(db, { now });

  async function confirmPassword(id: string, password: string): Promise<void> {
    const row = await db.selectFrom('identity_accounts').selectAll().where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
    if (!row) throw new AtriumError('unauthorized', 'This account no longer exists or is disabled.');
    const attempt = { account: `${row.kind}:${row.email}`, source: signedIn(row.id) };
    await throttle.check(attempt);
    if (!(await verifyPassword(password, row.password_hash))) {
      await throttle.failed(attempt);
      throw new AtriumError('forbidden', 'The current password is wrong.');
    }
    await throttle.succeeded(attempt);
  }

  async function find(kind: StoredKind, email: string): Promise<AccountRow | undefined> {
    return db.selectFrom('identity_accounts').selectAll().where('kind', '=', kind).where('email', '=', email).executeTakeFirst();
  }

  return {
    /** Makes an account of any kind; `conflict` when the email is taken for that kind. */
    async create(kind: StoredKind, input: { email: string; password: string; displayName: string }): Promise<AccountView> {
      const parsed = SignupInput.safeParse(input);
      if (!parsed.success) throw new AtriumError('invalid_args', describeIssues(parsed.error));
      const { email, password, displayName } = parsed.data;
      const taken = () => new AtriumError('conflict', `An account with this email already exists.`);
      if (await find(kind, email)) throw taken();
      const row: AccountRow = {
        id: newId(),
        kind,
        email,
        display_name: displayName,
        password_hash: await hashPassword(password),
        created_at: now().toISOString(),
        disabled: 0,
        sessions_valid_from: null,
      };
      try {
        await db.insertInto('identity_accounts').values(row).execute();
      } catch (err) {
        // Two sign-ups racing for one email: the unique index lets one in; the other is a conflict.
        if (await find(kind, email)) throw taken();
        throw err;
      }
      return viewOf(row);
    },

    /**
     * The account these credentials open. An unknown email and a wrong password get the same
     * answer after the same work, so the answer does not tell which emails have accounts. Failures
     * are throttled by account and by `source`, the address the attempt came from.
     */
    async authenticate(kind: StoredKind, email: string, password: string, source: string): Promise<AccountView> {
      const attempt = { account: `${kind}:${email}`, source };
      await throttle.check(attempt);
      const row = await find(kind, email);
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
      if (!row || !ok) {
        await throttle.failed(attempt);
        throw new AtriumError('unauthorized', WRONG_LOGIN);
      }
      await throttle.succeeded(attempt);
      if (row.disabled) throw new AtriumError('forbidden', 'This account is disabled.');
      return viewOf(row);
    },

    /** An enabled account by id, or undefined. */
    /** `within`: the caller's transaction, so a lookup inside one waits on nothing (SQLite has one connection). */
    async get(id: string, within?: Kysely<any>): Promise<AccountView | undefined> {
      const row = await ((within ?? db) as typeof db).selectFrom('identity_accounts').selectAll().where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
      return row && viewOf(row);
    },

    /** An enabled account's kind and since when its tokens count: the check behind every token. */
    async tokenState(id: string): Promise<{ kind: StoredKind; sessionsValidFromMs: number } | undefined> {
      const row = await db.selectFrom('identity_accounts').select(['kind', 'sessions_valid_from']).where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
      return row && { kind: row.kind, sessionsValidFromMs: row.sessions_valid_from ? Date.parse(row.sessions_valid_from) : 0 };
    },

    /** Checks the password of a signed-in account as a sign-in would: throttled, forbidden when wrong. */
    confirmPassword,

    /**
     * Sets a new password, checking the current one as a sign-in would (throttled, same answer
     * for every failure), and ends every session made before now.
     */
    async changePassword(id: string, current: string, next: string): Promise<void> {
      const parsed = Password.safeParse(next);
      if (!parsed.success) throw new AtriumError('invalid_args', `newPassword: ${describeIssues(parsed.error)}`);
      await confirmPassword(id, current);
      await db
        .updateTable('identity_accounts')
        .set({ password_hash: await hashPassword(parsed.data), sessions_valid_from: now().toISOString() })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Erases who the account was: the email, the name and the password are gone, the account is
     * disabled and every session ends. The row stays, so orders and the books keep a holder.
     */
    async anonymize(id: string): Promise<void> {
      await db
        .updateTable('identity_accounts')
        .set({ email: `erased-${id}@erased.invalid`, display_name: 'Erased account', password_hash: ERASED, disabled: 1, sessions_valid_from: now().toISOString() })
        .where('id', '=', id)
        .execute();
    },

    /** Ends every session of the account made before now. */
    async endSessions(id: string): Promise<void> {
      await db.updateTable('identity_accounts').set({ sessions_valid_from: now().toISOString() }).where('id', '=', id).execute();
    },

    async hasAdmin(): Promise<boolean> {
      const row = await db.selectFrom('identity_accounts').select('id').where('kind', '=', 'admin').limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
