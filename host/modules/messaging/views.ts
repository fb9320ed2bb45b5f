import type { ConversationKind, MessageKind, MessagingTables, PartyId, Role } from './tables.ts';

type MessageRow = MessagingTables['msg_messages'];

/** A message as members read it. A removed one keeps its place and loses its content. */
export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  sender: { id: string; name: string };
  kind: MessageKind;
  /** Text, or the card or image the kind describes; null once removed. */
  body: Record<string, unknown> | null;
  sentAt: string;
  removed: boolean;
}

/**
 * The body of a `notice` message, in a user's service notifications: what an app tells the user
 * (a subscription message, one per acceptance). The shell draws the title and each field as a
 * label and its value, all as text, and a tap opens the app at `page` with `query`.
 */
export interface NoticeBody {
  appId: string;
  /** The app's name when it sent the notice. */
  appName: string;
  /** The template the user accepted, and its title as they accepted it. */
  templateId: string;
  title: string;
  /**
   * The template's fields in its order. `value` is what to show: text as sent, a number in
   * digits, money formatted with its currency (`¥48.00`), a date as sent (ISO 8601), which a shell
   * may show in the reader's own format since `type` says it is one.
   */
  fields: { key: string; label: string; type: 'text' | 'number' | 'money' | 'date'; value: string }[];
  /** Where a tap opens the app: one of its pages, with its query. */
  page: string;
  query: Record<string, string>;
}

export interface ConversationView {
  id: string;
  kind: ConversationKind;
  title: string;
  /** The merchant's name for a customer group; what programs call it. */
  handle: string | null;
  merchantId: string | null;
  role: Role;
  memberCount: number;
  lastSeq: number;
  /** Messages after the reader's read position that are theirs to read. */
  unread: number;
  lastMessage: MessageView | null;
  muteAll: boolean;
  /** Until when the reader may not send here. */
  mutedUntil: string | null;
  status: 'open' | 'pending' | 'resolved' | null;
  open: boolean;
}

export interface MemberView {
  id: PartyId;
  name: string;
  role: Role;
  joinedAt: string;
  mutedUntil: string | null;
}

/** What a party's inbox stream says; every event names its conversation. */
export type InboxEvent =
  | { t: 'message'; c: string; message: MessageView }
  | { t: 'read'; c: string; seq: number }
  | { t: 'joined'; c: string }
  | { t: 'left'; c: string }
  | { t: 'changed'; c: string };

export function messageView(r: MessageRow, senderName: string): MessageView {
  const removed = r.removed_at !== null;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    sender: { id: r.sender_id, name: senderName },
    kind: r.kind,
    body: removed ? null : (JSON.parse(r.body) as Record<string, unknown>),
    sentAt: r.created_at,
    removed,
  };
}
