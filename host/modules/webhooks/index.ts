/** Webhooks: the outbox other modules write to, merchants' endpoints, and signed delivery with retries. */
export { webhooksMigrations } from './migrations.ts';
export { enqueue, messageId, type OutboxEvent } from './outbox.ts';
export type { EventType as WebhookEventType } from '../../../sdk/contract/event-names.ts';
export { createWebhooks, retrySchedule, type Webhooks, type EndpointView, type DeliveryView, type AttemptView, type WebhooksOptions } from './service.ts';
export type { WebhooksTables } from './tables.ts';
export { webhookRoutes } from './routes.ts';
export { webhooksModule } from './module.ts';
