/** Subscription messages: templates a user accepts, one send per acceptance, to their service notifications. */
export { subscriptionsMigrations } from './migrations.ts';
export { createSubscriptions, type Subscriptions, type SubscriptionsOptions } from './service.ts';
export type { SubscriptionsTables } from './tables.ts';
export type { SentMessage, SubscriptionSummary } from './views.ts';
export { subscriptionsModule } from './module.ts';
