import type { Kysely } from 'kysely';
import { transact } from '../../db/index.ts';
import type { RealtimeTables } from '../../realtime/index.ts';
import { inboxTopic, type MsgContext } from './context.ts';
import type { Groups } from './groups.ts';
import type { ConversationKind, PartyId, Role } from './tables.ts';

/** More than this many of one kind is not a person's history; the export stops there. */
const MAX_ROWS = 10_000;

/** What messaging holds about one user, for their export. */
export interface MessagingExport {
  conversations: { conversationId: string; kind: ConversationKind; title: string | null; role: Role; joinedAt: string; leftAt: string | null }[];
  /** What they sent, in every conversation (a removed message is listed without its content). */
  messagesSent: { conversationId: string; seq: number; kind: string; body: unknown; sentAt: string; removed: boolean }[];
  /** Images they uploaded: what they are, not their bytes (those are served to the conversations). */
  imagesUploaded: { imageId: string; mime: string; size: number; uploadedAt: string }[];
  following: { merchantId: string; followedAt: string }[];
  reportsFiled: { conversationId: string; seq: number; reason: string; status: string; filedAt: string }[];
}

/**
 * A user's messaging data: everything for the export, and erasure. Erasing takes them out of
 * every conversation (an owner's group goes to the next admin or member, as when they leave),
 * empties every message they sent (each keeps its place, as a removed one does, so the others'
 * history stays numbered), deletes their images, follows, their service notifications and their
 * inbox stream. Each step can run again, so a retry after a crash finishes.
 */
export function createPersonalData(ctx: MsgContext, groups: Groups) {
  const { db } = ctx;

  async function everything(userId: string): Promise<MessagingExport> {
    const party: PartyId = `u:${userId}`;
    const memberships = await db
      .selectFrom('msg_members as m')
      .innerJoin('msg_conversations as c', 'c.id', 'm.conversation_id')
      .select(['c.id', 'c.kind', 'c.title', 'm.role', 'm.joined_at', 'm.left_at'])
      .where('m.member_id', '=', party)
      .orderBy('m.joined_at')
      .limit(MAX_ROWS)
      .execute();
    const sent = await db.selectFrom('msg_messages').selectAll().where('sender_id', '=', party).orderBy('created_at').orderBy('conversation_id').orderBy('seq').limit(MAX_ROWS).execute();
    const images = await db.selectFrom('msg_images').select(['id', 'mime', 'size', 'created_at']).where('uploaded_by', '=', party).orderBy('created_at').limit(MAX_ROWS).execute();
    const follows = await db.selectFrom('msg_follows').selectAll().where('user_id', '=', userId).orderBy('followed_at').execute();
    const reports = await db.selectFrom('msg_reports').selectAll().where('reported_by', '=', party).orderBy('created_at').limit(MAX_ROWS).execute();
    return {
      conversations: memberships.map((m) => ({ conversationId: m.id, kind: m.kind, title: m.title, role: m.role, joinedAt: m.joined_at, leftAt: m.left_at })),
      messagesSent: sent.map((m) => ({
        conversationId: m.conversation_id,
        seq: m.seq,
        kind: m.kind,
        body: m.removed_at === null ? (JSON.parse(m.body) as unknown) : null,
        sentAt: m.created_at,
        removed: m.removed_at !== null,
      })),
      imagesUploaded: images.map((i) => ({ imageId: i.id, mime: i.mime, size: i.size, uploadedAt: i.created_at })),
      following: follows.map((f) => ({ merchantId: f.merchant_id, followedAt: f.followed_at })),
      reportsFiled: reports.map((r) => ({ conversationId: r.conversation_id, seq: r.seq, reason: r.reason, status: r.status, filedAt: r.created_at })),
    };
  }

  async function eraseUser(userId: string): Promise<void> {
    const party: PartyId = `u:${userId}`;
    const now = () => ctx.clock().toISOString();
    // Groups through their own rule, so an owner's group is handed on and its members told.
    const groupsIn = await db
      .selectFrom('msg_members as m')
      .innerJoin('msg_conversations as c', 'c.id', 'm.conversation_id')
      .select('c.id')
      .where('m.member_id', '=', party)
      .where('m.left_at', 'is', null)
      .where('c.kind', '=', 'group')
      .execute();
    for (const g of groupsIn) await groups.leave(party, g.id);
    await transact(db, async (trx) => {
      await trx.updateTable('msg_members').set({ left_at: now() }).where('member_id', '=', party).where('left_at', 'is', null).execute();
      // The body goes; the row stays as a removed message, so numbering and read positions hold.
      await trx.updateTable('msg_messages').set({ body: '{}', removed_at: now(), removed_by: party }).where('sender_id', '=', party).where('removed_at', 'is', null).execute();
      await trx.updateTable('msg_messages').set({ body: '{}' }).where('sender_id', '=', party).where('body', '!=', '{}').execute();
      // Their service notifications are about them alone: emptied like their own messages.
      const notices = trx.selectFrom('msg_members as m').innerJoin('msg_conversations as c', 'c.id', 'm.conversation_id').select('c.id').where('m.member_id', '=', party).where('c.kind', '=', 'notices');
      await trx.updateTable('msg_messages').set({ body: '{}', removed_at: now(), removed_by: party }).where('conversation_id', 'in', notices).where('removed_at', 'is', null).execute();
      await trx.deleteFrom('msg_images').where('uploaded_by', '=', party).execute();
      await trx.deleteFrom('msg_follows').where('user_id', '=', userId).execute();
      await (trx as unknown as Kysely<RealtimeTables>).deleteFrom('realtime_events').where('topic', '=', inboxTopic(party)).execute();
    });
  }

  return { everything, eraseUser };
}
