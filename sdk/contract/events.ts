/**
 * Outbound events, declared once: the payload of every event Atrium sends to merchants' backends.
 * The outbox is typed by it (a module cannot emit a field that is not here), the merchant SDK's
 * `verifyWebhook` returns its union, and the OpenAPI document's `webhooks` section is made from it.
 * A new event is a name in `event-names.ts` and a schema here; the compiler holds the two together.
 */
import { z } from 'zod';
import { eventNames, type EventType } from './event-names.ts';

const amount = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);
const orderRef = {
  orderId: z.string(),
  appId: z.string(),
  /** The merchant's own order number, if the program gave one. */
  outTradeNo: z.string().nullable(),
};

export const events = {
  'order.paid': z.object({ ...orderRef, amount, currency, paidAt: z.string() }).strict(),
  'order.shipped': z.object({ ...orderRef, autoReleaseAt: z.string().nullable().describe('When held money goes to you unless the buyer confirms sooner; null when the order does not hold') }).strict(),
  'order.released': z.object({ ...orderRef, amount: amount.describe('What reached your balance, after the fee'), fee: amount, currency }).strict(),
  'order.refunded': z.object({ ...orderRef, refundId: z.string(), amount, refundedAmount: amount.describe('All refunded on the order so far'), currency }).strict(),
  'dispute.opened': z.object({ disputeId: z.string(), orderId: z.string(), reason: z.string() }).strict(),
  'dispute.answered': z.object({ disputeId: z.string(), orderId: z.string() }).strict(),
  'dispute.resolved': z.object({ disputeId: z.string(), orderId: z.string(), decision: z.enum(['release', 'refund']), refundAmount: amount }).strict(),
  'subscription.accepted': z
    .object({
      appId: z.string(),
      openid: z.string().describe('The user, as your app sees them'),
      templateIds: z.array(z.string()).describe('Each accepted once more: one more send of each is yours'),
      acceptedAt: z.string(),
    })
    .strict(),
  'subscription.revoked': z
    .object({
      appId: z.string(),
      openid: z.string(),
      revoked: z.array(z.object({ templateId: z.string(), count: z.number().int().min(1).describe('Unused sends of this template taken back') }).strict()),
      revokedAt: z.string(),
    })
    .strict(),
} as const satisfies Record<EventType, z.ZodObject>;

/** The data of one event, as the host sends it. */
export type EventData<K extends EventType> = z.output<(typeof events)[K]>;

/** An event as its receiver reads it: `type` tells which, and narrows `data`. */
export type OutboundEvent = { [K in EventType]: { type: K; timestamp: string; data: EventData<K> } }[EventType];

export { eventNames, eventTypes, isEventType, type EventType } from './event-names.ts';

/** The body of an event's webhook request, for documents and for checking what was sent. */
export function eventEnvelope<K extends EventType>(type: K) {
  return z.object({ type: z.literal(type), timestamp: z.string().describe('ISO time the event happened'), data: events[type] }).describe(eventNames[type].summary);
}
