/** What Atrium's own pages may take from webhooks: the shapes its API answers with. Types only. */
export type { AttemptView, DeliveryView, EndpointView } from './service.ts';
export type { EventType as WebhookEventType } from '../../../sdk/contract/event-names.ts';
