import { AtriumError } from '../../../sdk/contract/index.ts';
import { sortableId } from '../../db/index.ts';
import type { MsgContext } from './context.ts';
import { notify, post, requireMember, type ConversationRow, type Trx } from './post.ts';
import type { ConversationKind, PartyId, Role } from './tables.ts';
import { messageView, type ConversationView, type MemberView } from './views.ts';

/** Conversations: making them, listing a party's with exact unread counts, members. */
export function createConversations(ctx: MsgContext) {
  const { db, topics } = ctx;

  function newRow(kind: ConversationKind, by: string, fields: Partial<ConversationRow>): ConversationRow {
    return {
      id: `cv_${sortableId()}`, kind, title: null, merchant_id: null, app_id: null, handle: null, member_cap: 2, mute_all: 0, open: 0,
      last_seq: 0, last_at: null, status: null, pair_key: null, created_by: by, created_at: ctx.clock().toISOString(), ...fields,
    };
  }

  async function addMember(trx: Trx, conv: ConversationRow, party: PartyId, role: Role): Promise<void> {
    const at = ctx.clock().toISOString();
    const values = { conversation_id: conv.id, member_id: party, role, joined_seq: Number(conv.last_seq), read_seq: Number(conv.last_seq), muted_until: null, left_at: null, joined_at: at };
    // A former member who comes back starts again from now: what was said meanwhile is not theirs.
    await trx
      .insertInto('msg_members')
      .values(values)
      .onConflict((oc) => oc.columns(['conversation_id', 'member_id']).doUpdateSet({ role, joined_seq: values.joined_seq, read_seq: values.read_seq, muted_until: null, left_at: null, joined_at: at }))
      .execute();
  }

  /**
   * The one conversation of a pair (two users, or a user and a merchant): made on first use, the
   * same one ever after. Two first messages at once still make one.
   */
  async function pair(kind: 'direct' | 'service', a: PartyId, b: PartyId, fields: Partial<ConversationRow> = {}): Promise<string> {
    if (a === b) throw new AtriumError('invalid_args', 'A chat needs two different people.');
    const key = `${kind}:${[a, b].sort().join('|')}`;
    const found = await db.selectFrom('msg_conversations').select('id').where('pair_key', '=', key).executeTakeFirst();
    if (found) return found.id;
    try {
      return await topics.write(async (t, emit) => {
        const trx = t as Trx;
        const conv = newRow(kind, a, { pair_key: key, ...fields });
        await trx.insertInto('msg_conversations').values(conv).execute();
        await addMember(trx, conv, a, 'member');
        await addMember(trx, conv, b, 'member');
        await notify(emit, [a, b], { t: 'joined', c: conv.id });
        return conv.id;
      });
    } catch (e) {
      const raced = await db.selectFrom('msg_conversations').select('id').where('pair_key', '=', key).executeTakeFirst();
      if (raced) return raced.id;
      throw e;
    }
  }

  /**
   * The direct chat of two users who share a group (strangers cannot write to each other out of
   * nowhere); one already made is always allowed.
   */
  async function directWith(party: PartyId, other: PartyId): Promise<string> {
    if (!party.startsWith('u:') || !other.startsWith('u:')) throw new AtriumError('invalid_args', 'Direct chats are between two users; write to a merchant from its page.');
    const key = `direct:${[party, other].sort().join('|')}`;
    const existing = await db.selectFrom('msg_conversations').select('id').where('pair_key', '=', key).executeTakeFirst();
    if (!existing) {
      const shared = await db
        .selectFrom('msg_members as a')
        .innerJoin('msg_members as b', (j) => j.onRef('b.conversation_id', '=', 'a.conversation_id').on('b.member_id', '=', other).on('b.left_at', 'is', null))
        .innerJoin('msg_conversations as c', 'c.id', 'a.conversation_id')
        .select('c.id')
        .where('a.member_id', '=', party)
        .where('a.left_at', 'is', null)
        .where('c.kind', '=', 'group')
        .executeTakeFirst();
      if (!shared) throw new AtriumError('forbidden', 'You can write to someone you share a group with.');
    }
    return pair('direct', party, other);
  }

  /** A group with `owner` in it; a merchant's customer group when `merchantId` is given. */
  async function createGroup(owner: PartyId, input: { title: string; handle?: string; memberCap?: number; open?: boolean; merchantId?: string; appId?: string }): Promise<string> {
    const max = input.merchantId ? ctx.limits.merchantGroupCap : ctx.limits.groupCap;
    const cap = input.memberCap ?? Math.min(500, max);
    if (cap > max) throw new AtriumError('invalid_args', `A group here has at most ${max} members.`);
    if (input.handle && !input.merchantId) throw new AtriumError('invalid_args', 'Only a merchant names its groups with a handle.');
    try {
      return await topics.write(async (t, emit) => {
        const trx = t as Trx;
        const conv = newRow('group', owner, { title: input.title, handle: input.handle ?? null, member_cap: cap, open: input.open ? 1 : 0, merchant_id: input.merchantId ?? null, app_id: input.appId ?? null });
        await trx.insertInto('msg_conversations').values(conv).execute();
        await addMember(trx, conv, owner, 'owner');
        await post(ctx, trx, emit, conv, { sender: 'system', kind: 'system', body: { text: `${await ctx.nameOf(owner, trx)} created the group "${input.title}"` } });
        await notify(emit, [owner], { t: 'joined', c: conv.id });
        return conv.id;
      });
    } catch (e) {
      if (input.handle && (await db.selectFrom('msg_conversations').select('id').where('merchant_id', '=', input.merchantId!).where('handle', '=', input.handle).executeTakeFirst())) {
        throw new AtriumError('conflict', `You already have a group called "${input.handle}".`);
      }
      throw e;
    }
  }

  /** A party's memberships with their conversations and last messages, for list and get. */
  function mine(party: PartyId) {
    return db
      .selectFrom('msg_members as me')
      .innerJoin('msg_conversations as c', 'c.id', 'me.conversation_id')
      .leftJoin('msg_messages as m', (j) => j.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq').onRef('m.seq', '>', 'me.joined_seq'))
      .selectAll('c')
      .select(['me.role', 'me.read_seq', 'me.joined_seq', 'me.muted_until'])
      .select(['m.id as m_id', 'm.seq as m_seq', 'm.sender_id as m_sender', 'm.kind as m_kind', 'm.body as m_body', 'm.created_at as m_at', 'm.removed_at as m_removed', 'm.removed_by as m_removed_by', 'm.client_id as m_client'])
      .where('me.member_id', '=', party)
      .where('me.left_at', 'is', null);
  }
  type MineRow = NonNullable<Awaited<ReturnType<ReturnType<typeof mine>['executeTakeFirst']>>>;

  /** The party's conversations, most recent first, each with its unread count and last message. */
  async function list(party: PartyId, opts: { kind?: ConversationKind; limit?: number } = {}): Promise<ConversationView[]> {
    let q = mine(party);
    if (opts.kind) q = q.where('c.kind', '=', opts.kind);
    const rows = await q.orderBy('c.last_at', 'desc').orderBy('c.id', 'desc').limit(Math.min(opts.limit ?? 200, 500)).execute();
    const counts = await memberCounts(rows.map((r) => r.id));
    return Promise.all(rows.map((r) => view(party, r, counts.get(r.id) ?? 0)));
  }

  async function memberCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await db.selectFrom('msg_members').select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')]).where('conversation_id', 'in', ids).where('left_at', 'is', null).groupBy('conversation_id').execute();
    return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  }

  /** One conversation as a member sees it; "not found" for anyone else. */
  async function get(party: PartyId, id: string): Promise<ConversationView> {
    const r = await mine(party).where('c.id', '=', id).executeTakeFirst();
    if (!r) throw new AtriumError('not_found', 'No such conversation.');
    return view(party, r, (await memberCounts([id])).get(id) ?? 0);
  }

  async function view(party: PartyId, r: MineRow, memberCount: number): Promise<ConversationView> {
    const last = r.m_id
      ? messageView({ conversation_id: r.id, seq: Number(r.m_seq), id: r.m_id, sender_id: r.m_sender!, kind: r.m_kind!, body: r.m_body!, client_id: r.m_client, created_at: r.m_at!, removed_at: r.m_removed, removed_by: r.m_removed_by }, r.m_sender === 'system' ? '' : await ctx.nameOf(r.m_sender as PartyId))
      : null;
    return {
      id: r.id,
      kind: r.kind,
      title: r.title ?? (await titleFor(party, r)),
      handle: r.handle,
      merchantId: r.merchant_id,
      role: r.role,
      memberCount,
      lastSeq: Number(r.last_seq),
      unread: Math.max(0, Number(r.last_seq) - Math.max(Number(r.read_seq), Number(r.joined_seq))),
      lastMessage: last,
      muteAll: Number(r.mute_all) === 1,
      mutedUntil: r.muted_until && r.muted_until > ctx.clock().toISOString() ? r.muted_until : null,
      status: r.status,
      open: Number(r.open) === 1,
    };
  }

  /** A chat of two is called after the other one. */
  async function titleFor(party: PartyId, c: ConversationRow): Promise<string> {
    if (c.kind === 'notices') return 'Service notifications';
    const other = await db.selectFrom('msg_members').select('member_id').where('conversation_id', '=', c.id).where('member_id', '!=', party).executeTakeFirst();
    return other ? ctx.nameOf(other.member_id) : 'Chat';
  }

  /** Who is in a conversation, for a member: the owner first, then admins, then by joining. */
  async function members(party: PartyId, id: string, opts: { limit?: number; after?: string } = {}): Promise<MemberView[]> {
    await requireMember(db, id, party);
    const rows = await db.selectFrom('msg_members').selectAll().where('conversation_id', '=', id).where('left_at', 'is', null).orderBy('joined_at').orderBy('member_id').limit(Math.min(opts.limit ?? 500, 2000)).execute();
    const rank = { owner: 0, admin: 1, member: 2 } as const;
    rows.sort((a, b) => rank[a.role] - rank[b.role]);
    const now = ctx.clock().toISOString();
    return Promise.all(rows.map(async (m) => ({ id: m.member_id, name: await ctx.nameOf(m.member_id), role: m.role, joinedAt: m.joined_at, mutedUntil: m.muted_until && m.muted_until > now ? m.muted_until : null })));
  }

  return { pair, directWith, createGroup, list, get, members, addMember, newRow };
}

export type Conversations = ReturnType<typeof createConversations>;
