/** Messaging: conversations (groups, direct chats, service threads, notices), messages, inboxes. */
export { messagingMigrations } from './migrations.ts';
export { createMessaging, type Messaging, type MessagingOptions } from './service.ts';
export { defaultMessagingLimits, type MessagingLimits, inboxTopic, userParty, merchantParty } from './context.ts';
export type { PartyId, MessagingTables } from './tables.ts';
export type { MessageView, ConversationView, MemberView, InboxEvent, NoticeBody } from './views.ts';
export type { MessagingExport } from './personal.ts';
export { messagingModule } from './module.ts';
