import { randomBytes } from 'node:crypto';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { forUpdate } from '../../db/index.ts';
import type { MsgContext } from './context.ts';
import type { Conversations } from './conversations.ts';
import { lockConversation, notify, post, requireMember, type ConversationRow, type MemberRow, type Trx } from './post.ts';
import type { PartyId, Role } from './tables.ts';


export interface InviteView {
  code: string;
  conversationId: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
}

/**
 * Group membership, each change decided on the locked group: joining by invite (expiring,
 * usage-capped) or an open group's door, leaving (the earliest admin, else the earliest member,
 * takes over from an owner who leaves), removal, roles, muting one member or everyone, handing over.
 */
export function createGroups(ctx: MsgContext, conversations: Conversations) {
  const { db, topics } = ctx;
  /** A party's name, read in the transaction that is deciding (see MsgContext.nameOf). */
  const name = (p: string, trx: Trx) => ctx.nameOf(p as PartyId, trx);

  async function group(trx: Trx, id: string): Promise<ConversationRow> {
    const conv = await lockConversation(trx, id);
    if (conv.kind !== 'group') throw new AtriumError('not_found', 'No such group.');
    return conv;
  }

  /** The acting member, who must hold one of `roles`. */
  async function acting(trx: Trx, conv: ConversationRow, by: PartyId, roles: Role[], what: string): Promise<MemberRow> {
    const me = await requireMember(trx, conv.id, by);
    if (!roles.includes(me.role)) throw new AtriumError('forbidden', `Only the group's ${roles.join(' or ')} can ${what}.`);
    return me;
  }

  async function activeCount(trx: Trx, id: string): Promise<number> {
    const { n } = await trx.selectFrom('msg_members').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', id).where('left_at', 'is', null).executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * The merchant puts a person in one of its customer groups (named by id or handle) without an
   * invite: a QR code the merchant set up to do so was scanned.
   */
  async function admit(merchantId: string, group: string, party: PartyId): Promise<{ conversationId: string; role: Role }> {
    const row = await db.selectFrom('msg_conversations').select('id').where('kind', '=', 'group').where('merchant_id', '=', merchantId).where((eb) => eb.or([eb('handle', '=', group), eb('id', '=', group)])).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `The merchant has no group "${group}".`);
    return join(party, row.id, undefined, true);
  }

  /** A member now, by an invite's code or an open group's door; already one, nothing changes. */
  async function join(party: PartyId, groupId: string, inviteCode?: string, admitted = false): Promise<{ conversationId: string; role: Role }> {
    return topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      const already = await trx.selectFrom('msg_members').selectAll().where('conversation_id', '=', conv.id).where('member_id', '=', party).where('left_at', 'is', null).executeTakeFirst();
      if (already) return { conversationId: conv.id, role: already.role };
      if (inviteCode) await useInvite(trx, conv.id, inviteCode);
      else if (Number(conv.open) !== 1 && !admitted) throw new AtriumError('forbidden', 'This group needs an invite to join.');
      if ((await activeCount(trx, conv.id)) >= Number(conv.member_cap)) throw new AtriumError('conflict', `The group is full (${conv.member_cap} members).`);
      await conversations.addMember(trx, conv, party, 'member');
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(party, trx)} joined` } });
      // Their own arrival is not news to them.
      await trx.updateTable('msg_members').set({ read_seq: Number(conv.last_seq) }).where('conversation_id', '=', conv.id).where('member_id', '=', party).execute();
      await notify(emit, [party], { t: 'joined', c: conv.id });
      return { conversationId: conv.id, role: 'member' as Role };
    });
  }

  /** Counts one use of an invite, locked: a last use taken by two at once is taken once. */
  async function useInvite(trx: Trx, conversationId: string, code: string): Promise<void> {
    const inv = await forUpdate(trx, trx.selectFrom('msg_invites').selectAll().where('code', '=', code)).executeTakeFirst();
    if (!inv || inv.conversation_id !== conversationId) throw new AtriumError('not_found', 'No such invite.');
    if (inv.revoked_at) throw new AtriumError('expired', 'This invite was withdrawn.');
    if (inv.expires_at <= ctx.clock().toISOString()) throw new AtriumError('expired', 'This invite has expired; ask for a new one.');
    if (inv.max_uses !== null && Number(inv.uses) >= Number(inv.max_uses)) throw new AtriumError('expired', 'This invite has been used as many times as it allows.');
    await trx.updateTable('msg_invites').set({ uses: Number(inv.uses) + 1 }).where('code', '=', code).execute();
  }

  /**
   * Out of the group. An owner who leaves hands the group to the earliest admin, else the
   * earliest member; the last one out leaves it empty. Not a member: nothing happens.
   */
  async function leave(party: PartyId, groupId: string): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      const me = await trx.selectFrom('msg_members').selectAll().where('conversation_id', '=', conv.id).where('member_id', '=', party).where('left_at', 'is', null).executeTakeFirst();
      if (!me) return;
      await trx.updateTable('msg_members').set({ left_at: ctx.clock().toISOString() }).where('conversation_id', '=', conv.id).where('member_id', '=', party).execute();
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(party, trx)} left` } });
      if (me.role === 'owner') await handOver(trx, emit, conv);
      await notify(emit, [party], { t: 'left', c: conv.id });
    });
  }

  async function handOver(trx: Trx, emit: Parameters<typeof post>[2], conv: ConversationRow): Promise<void> {
    const next = await trx
      .selectFrom('msg_members')
      .selectAll()
      .where('conversation_id', '=', conv.id)
      .where('left_at', 'is', null)
      .orderBy((eb) => eb.case().when('role', '=', 'admin').then(0).else(1).end())
      .orderBy('joined_at')
      .orderBy('member_id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return;
    await trx.updateTable('msg_members').set({ role: 'owner' }).where('conversation_id', '=', conv.id).where('member_id', '=', next.member_id).execute();
    await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(next.member_id, trx)} is the owner now` } });
  }

  /** An owner or admin takes a member out; only the owner may take out an admin, and nobody the owner. */
  async function remove(by: PartyId, groupId: string, target: PartyId): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      const me = await acting(trx, conv, by, ['owner', 'admin'], 'remove members');
      const them = await requireMember(trx, conv.id, target).catch(() => {
        throw new AtriumError('not_found', 'They are not in the group.');
      });
      if (them.role === 'owner' || (them.role === 'admin' && me.role !== 'owner') || target === by) throw new AtriumError('forbidden', 'You cannot remove them.');
      await trx.updateTable('msg_members').set({ left_at: ctx.clock().toISOString() }).where('conversation_id', '=', conv.id).where('member_id', '=', target).execute();
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(target, trx)} was removed` } }, [target]);
      await notify(emit, [target], { t: 'left', c: conv.id });
    });
  }

  /** The owner makes a member an admin, or an admin a member again. */
  async function setRole(by: PartyId, groupId: string, target: PartyId, role: 'admin' | 'member'): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      await acting(trx, conv, by, ['owner'], 'change roles');
      const them = await requireMember(trx, conv.id, target);
      if (them.role === 'owner') throw new AtriumError('forbidden', 'Hand the group over instead.');
      if (them.role === role) return;
      await trx.updateTable('msg_members').set({ role }).where('conversation_id', '=', conv.id).where('member_id', '=', target).execute();
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(target, trx)} is ${role === 'admin' ? 'an admin' : 'a member'} now` } });
    });
  }

  /** The owner hands the group to another member and stays on as an admin. */
  async function transfer(by: PartyId, groupId: string, target: PartyId): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      await acting(trx, conv, by, ['owner'], 'hand the group over');
      await requireMember(trx, conv.id, target);
      if (target === by) return;
      await trx.updateTable('msg_members').set({ role: 'admin' }).where('conversation_id', '=', conv.id).where('member_id', '=', by).execute();
      await trx.updateTable('msg_members').set({ role: 'owner' }).where('conversation_id', '=', conv.id).where('member_id', '=', target).execute();
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await name(target, trx)} is the owner now` } });
    });
  }

  /** Keeps one member quiet for `minutes` (0 lets them speak again); owners and admins decide. */
  async function mute(by: PartyId, groupId: string, target: PartyId, minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 30 * 24 * 60) throw new AtriumError('invalid_args', 'Mute for 0 to 43,200 minutes (30 days).');
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      const me = await acting(trx, conv, by, ['owner', 'admin'], 'mute members');
      const them = await requireMember(trx, conv.id, target);
      if (them.role === 'owner' || (them.role === 'admin' && me.role !== 'owner')) throw new AtriumError('forbidden', 'You cannot mute them.');
      const until = minutes ? new Date(ctx.clock().getTime() + minutes * 60_000).toISOString() : null;
      await trx.updateTable('msg_members').set({ muted_until: until }).where('conversation_id', '=', conv.id).where('member_id', '=', target).execute();
      await notify(emit, [target], { t: 'changed', c: conv.id });
    });
  }

  /** Only the owner and admins may speak while `on`. */
  async function muteAll(by: PartyId, groupId: string, on: boolean): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      await acting(trx, conv, by, ['owner', 'admin'], 'mute the group');
      if (Number(conv.mute_all) === (on ? 1 : 0)) return;
      await trx.updateTable('msg_conversations').set({ mute_all: on ? 1 : 0 }).where('id', '=', conv.id).execute();
      await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: on ? 'Only the owner and admins can speak now' : 'Everyone can speak again' } });
    });
  }

  /** An invite any member may make, to a link or QR code: expiring (7 days unless told), maybe capped. */
  async function invite(by: PartyId, groupId: string, opts: { expiresInHours?: number; maxUses?: number } = {}): Promise<InviteView> {
    const hours = opts.expiresInHours ?? 24 * 7;
    return topics.write(async (t) => {
      const trx = t as Trx;
      const conv = await group(trx, groupId);
      await requireMember(trx, conv.id, by);
      const now = ctx.clock();
      const row = { code: randomBytes(12).toString('base64url'), conversation_id: conv.id, created_by: by, created_at: now.toISOString(), expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(), max_uses: opts.maxUses ?? null, uses: 0, revoked_at: null };
      await trx.insertInto('msg_invites').values(row).execute();
      return { code: row.code, conversationId: conv.id, expiresAt: row.expires_at, maxUses: row.max_uses, uses: 0 };
    });
  }

  /** What an invite leads to, for the page that opens it: the group's title and size, nothing of its talk. */
  async function preview(code: string): Promise<{ conversationId: string; title: string; memberCount: number; expiresAt: string }> {
    const inv = await db.selectFrom('msg_invites as i').innerJoin('msg_conversations as c', 'c.id', 'i.conversation_id').select(['i.conversation_id', 'i.expires_at', 'i.revoked_at', 'i.max_uses', 'i.uses', 'c.title']).where('i.code', '=', code).executeTakeFirst();
    if (!inv) throw new AtriumError('not_found', 'No such invite.');
    if (inv.revoked_at || inv.expires_at <= ctx.clock().toISOString() || (inv.max_uses !== null && Number(inv.uses) >= Number(inv.max_uses))) throw new AtriumError('expired', 'This invite can no longer be used.');
    const { n } = await db.selectFrom('msg_members').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', inv.conversation_id).where('left_at', 'is', null).executeTakeFirstOrThrow();
    return { conversationId: inv.conversation_id, title: inv.title ?? 'Group', memberCount: Number(n), expiresAt: inv.expires_at };
  }

  /** Joins by an invite's code alone (the link's and the QR code's way in). */
  async function joinByInvite(party: PartyId, code: string) {
    const { conversationId } = await preview(code);
    return join(party, conversationId, code);
  }

  /** Withdraws an invite: its maker or an owner or admin. */
  async function revokeInvite(by: PartyId, code: string): Promise<void> {
    await topics.write(async (t) => {
      const trx = t as Trx;
      const inv = await trx.selectFrom('msg_invites').selectAll().where('code', '=', code).executeTakeFirst();
      if (!inv) throw new AtriumError('not_found', 'No such invite.');
      const conv = await group(trx, inv.conversation_id);
      if (inv.created_by !== by) await acting(trx, conv, by, ['owner', 'admin'], "withdraw others' invites");
      await trx.updateTable('msg_invites').set({ revoked_at: ctx.clock().toISOString() }).where('code', '=', code).where('revoked_at', 'is', null).execute();
    });
  }

  return { join, admit, joinByInvite, leave, remove, setRole, transfer, mute, muteAll, invite, preview, revokeInvite };
}

export type Groups = ReturnType<typeof createGroups>;
