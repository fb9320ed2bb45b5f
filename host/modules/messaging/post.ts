import type { Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { forUpdate, sortableId } from '../../db/index.ts';
import type { Emit } from '../../realtime/index.ts';
import { inboxTopic, type MsgContext } from './context.ts';
import type { MessageKind, MessagingTables, PartyId } from './tables.ts';
import { messageView, type InboxEvent, type MessageView } from './views.ts';

export type Trx = Transaction<MessagingTables>;
export type ConversationRow = MessagingTables['msg_conversations'];
export type MemberRow = MessagingTables['msg_members'];

/** The conversation, locked until `trx` ends: every message and membership change is decided on it. */
export async function lockConversation(trx: Trx, id: string): Promise<ConversationRow> {
  const row = await forUpdate(trx, trx.selectFrom('msg_conversations').selectAll().where('id', '=', id)).executeTakeFirst();
  if (!row) throw new AtriumError('not_found', 'No such conversation.');
  return row;
}

/** The party's membership, if it is a member now; a former member is not. */
export async function activeMember(trx: Trx | MsgContext['db'], conversationId: string, party: string): Promise<MemberRow | undefined> {
  return trx.selectFrom('msg_members').selectAll().where('conversation_id', '=', conversationId).where('member_id', '=', party as PartyId).where('left_at', 'is', null).executeTakeFirst();
}

/** The party's membership, or "not found": a non-member learns nothing, not even that it exists. */
export async function requireMember(trx: Trx | MsgContext['db'], conversationId: string, party: string): Promise<MemberRow> {
  const m = await activeMember(trx, conversationId, party);
  if (!m) throw new AtriumError('not_found', 'No such conversation.');
  return m;
}

export async function activeMemberIds(trx: Trx, conversationId: string): Promise<PartyId[]> {
  const rows = await trx.selectFrom('msg_members').select('member_id').where('conversation_id', '=', conversationId).where('left_at', 'is', null).execute();
  return rows.map((r) => r.member_id);
}

export interface NewMessage {
  sender: string;
  kind: MessageKind;
  body: Record<string, unknown>;
  /** The sender's own id for it: the same id again gives back the first message. */
  clientId?: string;
}

/**
 * Appends a message to a conversation locked in `trx`: it takes the next number, the sender has
 * read up to it, and it goes to every current member's inbox in the same transaction, so it is
 * in each inbox if and only if it was stored. `extra` parties hear of it too (a member just
 * removed, told why).
 */
export async function post(ctx: MsgContext, trx: Trx, emit: Emit, conv: ConversationRow, m: NewMessage, extra: PartyId[] = []): Promise<MessageView> {
  const seq = Number(conv.last_seq) + 1;
  const at = ctx.clock().toISOString();
  const row: MessagingTables['msg_messages'] = {
    conversation_id: conv.id,
    seq,
    id: `msg_${sortableId()}`,
    sender_id: m.sender,
    kind: m.kind,
    body: JSON.stringify(m.body),
    client_id: m.clientId ?? null,
    created_at: at,
    removed_at: null,
    removed_by: null,
  };
  await trx.insertInto('msg_messages').values(row).execute();
  await trx.updateTable('msg_conversations').set({ last_seq: seq, last_at: at }).where('id', '=', conv.id).execute();
  conv.last_seq = seq;
  conv.last_at = at;
  if (m.sender.includes(':')) {
    await trx.updateTable('msg_members').set({ read_seq: seq }).where('conversation_id', '=', conv.id).where('member_id', '=', m.sender as PartyId).execute();
  }
  const view = messageView(row, m.sender === 'system' ? '' : await ctx.nameOf(m.sender as PartyId, trx));
  const members = await activeMemberIds(trx, conv.id);
  const live: InboxEvent = { t: 'message', c: conv.id, message: view };
  await emit([...members, ...extra].map(inboxTopic), { t: 'message', c: conv.id, s: seq }, live);
  return view;
}

/** Tells parties' inboxes something other than a message (a read position, a membership change). */
export async function notify(emit: Emit, parties: PartyId[], event: Exclude<InboxEvent, { t: 'message' }>): Promise<void> {
  await emit(parties.map(inboxTopic), event);
}
