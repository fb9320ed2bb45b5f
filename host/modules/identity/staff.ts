import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { newId, transact } from '../../db/index.ts';
import { describeIssues, type StaffRole } from '../../http/index.ts';
import { DisplayName, Email, Password } from './account-input.ts';
import type { Accounts } from './accounts.ts';
import type { IdentityTables } from './tables.ts';

/** An invitation lasts a week: long enough to reach someone, short enough that a lost link dies. */
const INVITE_DAYS = 7;
/** A team is people, not a directory: past this, a merchant is doing something else. */
const MAX_TEAM = 200;

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  addedAt: string;
}

export interface StaffInvite {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: string;
  expiresAt: string;
  state: 'pending' | 'accepted' | 'expired' | 'revoked';
}

const hashOf = (code: string) => createHash('sha256').update(`staff-invite:${code}`).digest('base64url');

/**
 * A merchant's team. The merchant's own account is its first owner; it invites people by email
 * and role, and hands them the link (the code in it is shown once and kept only as a hash). The
 * invited person makes a staff account from the link: its email is the invitation's, it belongs
 * to that merchant alone, and it signs in to the merchant console. Taking someone off the team
 * erases and disables their account, so every session of theirs ends at once and the email is
 * free for another team.
 */
export function createStaff(db: Kysely<IdentityTables>, accounts: Accounts, now: () => Date, onChange: (staffId: string) => void) {
  function stateOf(row: { accepted_at: string | null; revoked_at: string | null; expires_at: string }): StaffInvite['state'] {
    if (row.accepted_at) return 'accepted';
    if (row.revoked_at) return 'revoked';
    return row.expires_at <= now().toISOString() ? 'expired' : 'pending';
  }

  /** The member's role and merchant, for every token they present; undefined once removed. */
  async function membership(staffId: string): Promise<{ merchantId: string; role: StaffRole } | undefined> {
    const row = await db.selectFrom('identity_staff').select(['merchant_id', 'role']).where('account_id', '=', staffId).where('removed_at', 'is', null).executeTakeFirst();
    return row && { merchantId: row.merchant_id, role: row.role };
  }

  async function list(merchantId: string): Promise<{ staff: StaffMember[]; invites: StaffInvite[] }> {
    const staff = await db
      .selectFrom('identity_staff as s')
      .innerJoin('identity_accounts as a', 'a.id', 's.account_id')
      .select(['a.id', 'a.email', 'a.display_name', 's.role', 's.added_at'])
      .where('s.merchant_id', '=', merchantId)
      .where('s.removed_at', 'is', null)
      .orderBy('s.added_at')
      .execute();
    const invites = await db.selectFrom('identity_staff_invites').selectAll().where('merchant_id', '=', merchantId).where('accepted_at', 'is', null).orderBy('created_at', 'desc').limit(100).execute();
    return {
      staff: staff.map((s) => ({ id: s.id, email: s.email, displayName: s.display_name, role: s.role, addedAt: s.added_at })),
      invites: invites.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.created_at, expiresAt: i.expires_at, state: stateOf(i) })),
    };
  }

  async function invite(merchantId: string, by: string, input: { email: string; role: StaffRole }): Promise<{ invite: StaffInvite; code: string }> {
    const email = Email.safeParse(input.email);
    if (!email.success) throw new AtriumError('invalid_args', `email: ${describeIssues(email.error)}`);
    const count = await db.selectFrom('identity_staff').select((eb) => eb.fn.countAll<number>().as('n')).where('merchant_id', '=', merchantId).where('removed_at', 'is', null).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_TEAM) throw new AtriumError('quota_exceeded', `A team has at most ${MAX_TEAM} people.`);
    const code = randomBytes(24).toString('base64url');
    const at = now();
    const row = {
      id: newId(),
      code_hash: hashOf(code),
      merchant_id: merchantId,
      email: email.data,
      role: input.role,
      created_by: by,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
      accepted_at: null,
      account_id: null,
      revoked_at: null,
    };
    await db.insertInto('identity_staff_invites').values(row).execute();
    return { invite: { id: row.id, email: row.email, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at, state: 'pending' }, code };
  }

  /** An invitation still to be taken up, by its code: `not_found` for none, `expired` for a dead one. */
  async function pending(code: string) {
    const row = await db.selectFrom('identity_staff_invites').selectAll().where('code_hash', '=', hashOf(code)).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', 'No such invitation.');
    const state = stateOf(row);
    if (state !== 'pending') throw new AtriumError('expired', state === 'accepted' ? 'This invitation was used already; sign in instead.' : `This invitation was ${state === 'revoked' ? 'withdrawn' : 'not taken up in time'}; ask for a new one.`);
    return row;
  }

  async function preview(code: string): Promise<{ merchantId: string; merchantName: string; email: string; role: StaffRole; expiresAt: string }> {
    const row = await pending(code);
    const merchant = await accounts.get(row.merchant_id);
    if (!merchant) throw new AtriumError('not_found', 'No such invitation.');
    return { merchantId: row.merchant_id, merchantName: merchant.displayName, email: row.email, role: row.role, expiresAt: row.expires_at };
  }

  /**
   * Takes up an invitation: makes the staff account and its membership, once. Two tabs accepting
   * at once make one account: the invitation is claimed by a conditional update first.
   */
  async function accept(code: string, input: { displayName: string; password: string }) {
    const name = DisplayName.safeParse(input.displayName);
    if (!name.success) throw new AtriumError('invalid_args', `displayName: ${describeIssues(name.error)}`);
    const password = Password.safeParse(input.password);
    if (!password.success) throw new AtriumError('invalid_args', `password: ${describeIssues(password.error)}`);
    const row = await pending(code);
    const at = now().toISOString();
    const claimed = await db.updateTable('identity_staff_invites').set({ accepted_at: at }).where('id', '=', row.id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AtriumError('expired', 'This invitation was used already; sign in instead.');
    try {
      const account = await accounts.create('staff', { email: row.email, password: password.data, displayName: name.data });
      await transact(db, async (trx) => {
        await trx.insertInto('identity_staff').values({ account_id: account.id, merchant_id: row.merchant_id, role: row.role, display_name: name.data, added_by: row.created_by, added_at: at, removed_at: null }).execute();
        await trx.updateTable('identity_staff_invites').set({ account_id: account.id }).where('id', '=', row.id).execute();
      });
      return account;
    } catch (err) {
      // Nothing was made (the email already has a staff account): the invitation may be tried again.
      await db.updateTable('identity_staff_invites').set({ accepted_at: null }).where('id', '=', row.id).where('account_id', 'is', null).execute();
      if (err instanceof AtriumError && err.code === 'conflict') throw new AtriumError('conflict', 'This email already works for a merchant on Atrium; leave that team first, or be invited with another email.');
      throw err;
    }
  }

  async function revokeInvite(merchantId: string, inviteId: string): Promise<void> {
    const r = await db.updateTable('identity_staff_invites').set({ revoked_at: now().toISOString() }).where('id', '=', inviteId).where('merchant_id', '=', merchantId).where('accepted_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AtriumError('not_found', 'No such pending invitation.');
  }

  async function setRole(merchantId: string, staffId: string, role: StaffRole): Promise<void> {
    const r = await db.updateTable('identity_staff').set({ role }).where('account_id', '=', staffId).where('merchant_id', '=', merchantId).where('removed_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AtriumError('not_found', 'No such member of your team.');
    onChange(staffId);
  }

  async function remove(merchantId: string, staffId: string): Promise<void> {
    const r = await db.updateTable('identity_staff').set({ removed_at: now().toISOString() }).where('account_id', '=', staffId).where('merchant_id', '=', merchantId).where('removed_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AtriumError('not_found', 'No such member of your team.');
    await accounts.anonymize(staffId);
    onChange(staffId);
  }

  /**
   * Names of a merchant's people, present and past, for "who did it" lines: the merchant too. A
   * member's name is the one they joined with, kept by the team after they leave it.
   */
  async function names(merchantId: string): Promise<Map<string, string>> {
    const rows = await db.selectFrom('identity_staff').select(['account_id', 'display_name']).where('merchant_id', '=', merchantId).execute();
    const merchant = await accounts.get(merchantId);
    return new Map([...(merchant ? [[merchant.id, merchant.displayName] as const] : []), ...rows.map((r) => [r.account_id, r.display_name] as const)]);
  }

  return { membership, list, invite, preview, accept, revokeInvite, setRole, remove, names };
}

export type Staff = ReturnType<typeof createStaff>;
