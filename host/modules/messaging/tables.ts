/** Who takes part in a conversation: a user (`u:<id>`) or a merchant account (`m:<id>`). */
export type PartyId = `u:${string}` | `m:${string}`;

export type ConversationKind = 'group' | 'direct' | 'service' | 'notices';
export type Role = 'owner' | 'admin' | 'member';
export type MessageKind = 'text' | 'image' | 'product' | 'program' | 'system' | 'notice';

export interface MessagingTables {
  msg_conversations: {
    id: string;
    kind: ConversationKind;
    title: string | null;
    /** The merchant a customer group or a service thread belongs to. */
    merchant_id: string | null;
    /** The program that made a group through `groups.*`, whose merchant owns it. */
    app_id: string | null;
    /** A merchant's own name for a customer group (`vip-shanghai`), unique per merchant. */
    handle: string | null;
    member_cap: number;
    mute_all: number;
    /** Anyone may join without an invite (a merchant's open group). */
    open: number;
    /** The newest message's number; messages are numbered 1, 2, 3… per conversation. */
    last_seq: number;
    last_at: string | null;
    /** A service thread's state in the merchant's inbox. */
    status: 'open' | 'pending' | 'resolved' | null;
    /** One direct chat per pair of people, one service thread per user and merchant. */
    pair_key: string | null;
    created_by: string;
    created_at: string;
  };
  msg_members: {
    conversation_id: string;
    member_id: PartyId;
    role: Role;
    /** Messages before this number were sent before the member joined and are not theirs to read. */
    joined_seq: number;
    /** The newest message the member has read: unread is last_seq less this. */
    read_seq: number;
    muted_until: string | null;
    /** Set when the member left or was removed; the row stays so history and positions survive a rejoin. */
    left_at: string | null;
    joined_at: string;
  };
  msg_messages: {
    conversation_id: string;
    seq: number;
    id: string;
    sender_id: string;
    kind: MessageKind;
    /** The kind's content as JSON: text, an image id, a card. */
    body: string;
    /** The sender's own id for the message: sent again, it is the same message. */
    client_id: string | null;
    created_at: string;
    removed_at: string | null;
    removed_by: string | null;
  };
  msg_invites: {
    code: string;
    conversation_id: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    max_uses: number | null;
    uses: number;
    revoked_at: string | null;
  };
  msg_images: {
    id: string;
    uploaded_by: string;
    mime: string;
    size: number;
    data: Uint8Array;
    created_at: string;
  };
  /** Users who follow a merchant (its official account): who it may reach, and who sees its posts. */
  msg_follows: {
    user_id: string;
    merchant_id: string;
    followed_at: string;
  };
  msg_reports: {
    id: string;
    conversation_id: string;
    seq: number;
    reported_by: string;
    reason: string;
    status: 'open' | 'removed' | 'dismissed';
    created_at: string;
    decided_by: string | null;
    decided_at: string | null;
  };
}
