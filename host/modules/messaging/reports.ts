import { AtriumError } from '../../../sdk/contract/index.ts';
import { newId } from '../../db/index.ts';
import type { MsgContext } from './context.ts';
import type { Messages } from './messages.ts';
import { notify, requireMember, type Trx } from './post.ts';
import type { MessagingTables, PartyId } from './tables.ts';
import { messageView, type MessageView } from './views.ts';

export interface ReportView {
  reportId: string;
  conversationId: string;
  seq: number;
  reason: string;
  status: MessagingTables['msg_reports']['status'];
  reportedAt: string;
  /** The message as it stands (content gone once removed). */
  message: MessageView | null;
}

/**
 * Reports: a member flags a message; an admin removes it and may mute its sender across the
 * conversation, or dismisses the report. A member reports a message once.
 */
export function createReports(ctx: MsgContext, messages: Messages) {
  const { db, topics } = ctx;

  async function report(party: PartyId, conversationId: string, seq: number, reason: string): Promise<{ reportId: string }> {
    const member = await requireMember(db, conversationId, party);
    const msg = await db.selectFrom('msg_messages').select(['sender_id']).where('conversation_id', '=', conversationId).where('seq', '=', seq).where('seq', '>', Number(member.joined_seq)).executeTakeFirst();
    if (!msg) throw new AtriumError('not_found', 'No such message.');
    const id = `rpt_${newId().replace(/-/g, '').slice(0, 20)}`;
    const inserted = await db
      .insertInto('msg_reports')
      .values({ id, conversation_id: conversationId, seq, reported_by: party, reason: reason.trim(), status: 'open', created_at: ctx.clock().toISOString(), decided_by: null, decided_at: null })
      .onConflict((oc) => oc.columns(['conversation_id', 'seq', 'reported_by']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { reportId: id };
    const earlier = await db.selectFrom('msg_reports').select('id').where('conversation_id', '=', conversationId).where('seq', '=', seq).where('reported_by', '=', party).executeTakeFirstOrThrow();
    return { reportId: earlier.id };
  }

  async function list(status: ReportView['status'] = 'open', limit = 100): Promise<ReportView[]> {
    const rows = await db
      .selectFrom('msg_reports as r')
      .leftJoin('msg_messages as m', (j) => j.onRef('m.conversation_id', '=', 'r.conversation_id').onRef('m.seq', '=', 'r.seq'))
      .selectAll('r')
      .select(['m.id as m_id', 'm.sender_id', 'm.kind', 'm.body', 'm.client_id', 'm.created_at as m_at', 'm.removed_at', 'm.removed_by'])
      .where('r.status', '=', status)
      .orderBy('r.created_at')
      .limit(Math.min(limit, 500))
      .execute();
    return Promise.all(
      rows.map(async (r) => ({
        reportId: r.id,
        conversationId: r.conversation_id,
        seq: Number(r.seq),
        reason: r.reason,
        status: r.status,
        reportedAt: r.created_at,
        message: r.m_id ? messageView({ conversation_id: r.conversation_id, seq: Number(r.seq), id: r.m_id, sender_id: r.sender_id!, kind: r.kind!, body: r.body!, client_id: r.client_id, created_at: r.m_at!, removed_at: r.removed_at, removed_by: r.removed_by }, await ctx.nameOf(r.sender_id as PartyId)) : null,
      })),
    );
  }

  /** An admin's decision: remove the message (and mute its sender there for `muteMinutes`), or dismiss. */
  async function decide(adminId: string, reportId: string, d: { remove: boolean; muteMinutes?: number }): Promise<void> {
    const r = await db.selectFrom('msg_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
    if (!r) throw new AtriumError('not_found', 'No such report.');
    const at = ctx.clock().toISOString();
    if (d.remove) {
      await messages.remove(`admin:${adminId}`, r.conversation_id, Number(r.seq));
      if (d.muteMinutes) {
        const msg = await db.selectFrom('msg_messages').select('sender_id').where('conversation_id', '=', r.conversation_id).where('seq', '=', Number(r.seq)).executeTakeFirstOrThrow();
        const until = new Date(ctx.clock().getTime() + d.muteMinutes * 60_000).toISOString();
        await topics.write(async (t, emit) => {
          await (t as Trx).updateTable('msg_members').set({ muted_until: until }).where('conversation_id', '=', r.conversation_id).where('member_id', '=', msg.sender_id as PartyId).execute();
          await notify(emit, [msg.sender_id as PartyId], { t: 'changed', c: r.conversation_id });
        });
      }
    }
    // Every report of that message is settled by one decision.
    await db.updateTable('msg_reports').set({ status: d.remove ? 'removed' : 'dismissed', decided_by: adminId, decided_at: at }).where('conversation_id', '=', r.conversation_id).where('seq', '=', r.seq).where('status', '=', 'open').execute();
  }

  return { report, list, decide };
}

export type Reports = ReturnType<typeof createReports>;
