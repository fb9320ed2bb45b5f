/** What Atrium's own pages may take from subscriptions: the shapes its API answers with. Types only. */
export type { SentMessage, SubscriptionSummary } from './views.ts';
