/** Webhooks: the outbox other modules write to, merchants' endpoints, and signed delivery with retries. */
export { webhooksMigrations } from './migrations.ts';
export { enqueue, messageId, type WebhookEventType } from './outbox.ts';
export { createWebhooks, eventTypes, retrySchedule, type Webhooks, type EndpointView, type DeliveryView, type AttemptView, type WebhooksOptions } from './service.ts';
export type { WebhooksTables } from './tables.ts';
export { webhookRoutes } from './routes.ts';
