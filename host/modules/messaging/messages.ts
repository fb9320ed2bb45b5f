import { AtriumError } from '../../../sdk/contract/index.ts';
import { RateLimitedError } from '../../http/index.ts';
import type { MsgContext } from './context.ts';
import { lockConversation, notify, post, requireMember, type Trx } from './post.ts';
import type { SendInput } from './schemas.ts';
import type { MessageKind, PartyId } from './tables.ts';
import { messageView, type MessageView } from './views.ts';

/** Messages: sending within the rules, reading history, read positions, removal by moderators. */
export function createMessages(ctx: MsgContext) {
  const { db, topics } = ctx;

  /** Refuses a sender past the per-member limit; counted across every conversation of the last minute. */
  async function checkRate(trx: Trx, sender: PartyId): Promise<void> {
    const since = new Date(ctx.clock().getTime() - 60_000).toISOString();
    const { n } = await trx.selectFrom('msg_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('sender_id', '=', sender).where('created_at', '>', since).executeTakeFirstOrThrow();
    if (Number(n) >= ctx.limits.sendsPerMinute) throw new RateLimitedError(60, `At most ${ctx.limits.sendsPerMinute} messages a minute; wait a moment.`);
  }

  /** An image in a message must be one the sender uploaded. */
  async function checkImage(trx: Trx, sender: PartyId, imageId: unknown): Promise<void> {
    if (imageId === undefined) return;
    const img = await trx.selectFrom('msg_images').select('uploaded_by').where('id', '=', String(imageId)).executeTakeFirst();
    if (!img || img.uploaded_by !== sender) throw new AtriumError('invalid_args', 'The image was not uploaded by you; upload it first.');
  }

  /**
   * Sends a message as `sender`, who must be a member allowed to speak: not muted, and not a
   * plain member of a group muted as a whole. A `clientId` sent again gives back the first message.
   */
  async function send(sender: PartyId, conversationId: string, input: SendInput, rules: { beforeSend?: (trx: Trx, conv: Awaited<ReturnType<typeof lockConversation>>) => Promise<void> } = {}): Promise<MessageView> {
    const { kind, clientId, ...body } = input;
    return topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await lockConversation(trx, conversationId).catch(() => {
        throw new AtriumError('not_found', 'No such conversation.');
      });
      const me = await requireMember(trx, conversationId, sender);
      if (clientId) {
        const again = await trx.selectFrom('msg_messages').selectAll().where('conversation_id', '=', conversationId).where('sender_id', '=', sender).where('client_id', '=', clientId).executeTakeFirst();
        if (again) return messageView(again, await ctx.nameOf(sender, trx));
      }
      if (conv.kind === 'notices') throw new AtriumError('forbidden', 'Service notifications cannot be answered here.');
      if (me.muted_until && me.muted_until > ctx.clock().toISOString()) throw new AtriumError('forbidden', `You are muted here until ${me.muted_until}.`, { mutedUntil: me.muted_until });
      if (Number(conv.mute_all) === 1 && me.role === 'member') throw new AtriumError('forbidden', 'Only the owner and admins can speak while the group is muted.');
      await checkRate(trx, sender);
      await checkImage(trx, sender, (body as { imageId?: string }).imageId);
      await rules.beforeSend?.(trx, conv);
      return post(ctx, trx, emit, conv, { sender, kind: kind as MessageKind, body, clientId });
    });
  }

  /**
   * A page of a conversation for a member, newest last: before `before` (older pages) or after
   * `after` (catching up); messages from before they joined are not theirs.
   */
  async function history(party: PartyId, conversationId: string, opts: { before?: number; after?: number; limit?: number } = {}): Promise<MessageView[]> {
    const me = await requireMember(db, conversationId, party);
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
    let q = db.selectFrom('msg_messages').selectAll().where('conversation_id', '=', conversationId).where('seq', '>', Number(me.joined_seq));
    if (opts.before !== undefined) q = q.where('seq', '<', opts.before);
    if (opts.after !== undefined) q = q.where('seq', '>', opts.after);
    const rows = await q.orderBy('seq', opts.after !== undefined ? 'asc' : 'desc').limit(limit).execute();
    if (opts.after === undefined) rows.reverse();
    return Promise.all(rows.map(async (r) => messageView(r, r.sender_id === 'system' ? '' : await ctx.nameOf(r.sender_id as PartyId))));
  }

  /** Moves a member's read position forward to `seq` (never back); their other devices hear it. */
  async function markRead(party: PartyId, conversationId: string, seq: number): Promise<{ readSeq: number; unread: number }> {
    return topics.write(async (t, emit) => {
      const trx = t as Trx;
      const me = await requireMember(trx, conversationId, party);
      const conv = await trx.selectFrom('msg_conversations').select('last_seq').where('id', '=', conversationId).executeTakeFirstOrThrow();
      const to = Math.min(Math.max(seq, Number(me.read_seq)), Number(conv.last_seq));
      if (to > Number(me.read_seq)) {
        await trx.updateTable('msg_members').set({ read_seq: to }).where('conversation_id', '=', conversationId).where('member_id', '=', party).where('read_seq', '<', to).execute();
        await notify(emit, [party], { t: 'read', c: conversationId, seq: to });
      }
      return { readSeq: to, unread: Number(conv.last_seq) - Math.max(to, Number(me.joined_seq)) };
    });
  }

  /** Takes a message's content away (a moderator's decision); its place in the conversation stays. */
  async function remove(by: string, conversationId: string, seq: number): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      await lockConversation(trx, conversationId);
      const r = await trx.updateTable('msg_messages').set({ removed_at: ctx.clock().toISOString(), removed_by: by }).where('conversation_id', '=', conversationId).where('seq', '=', seq).where('removed_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return;
      const members = await trx.selectFrom('msg_members').select('member_id').where('conversation_id', '=', conversationId).where('left_at', 'is', null).execute();
      await notify(emit, members.map((m) => m.member_id), { t: 'changed', c: conversationId });
    });
  }

  return { send, history, markRead, remove };
}

export type Messages = ReturnType<typeof createMessages>;
