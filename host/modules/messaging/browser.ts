/** What Atrium's own pages may take from messaging: the shapes its API and inbox stream carry. Types only. */
export type { MessageView, ConversationView, MemberView, InboxEvent, NoticeBody } from './views.ts';
export type { PartyId } from './tables.ts';
