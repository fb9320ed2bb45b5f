/**
 * The events Atrium sends to merchants' backends (signed webhooks), by name: which module emits
 * each, what it means in words, and which field of its data names the thing it is about. Plain
 * data with no schema library, so pages can list and label events without carrying one;
 * `events.ts` gives each its payload schema.
 */
export const eventNames = {
  'order.paid': { module: 'payments', summary: 'An order was paid', subject: 'orderId' },
  'order.shipped': { module: 'payments', summary: 'An order was marked shipped', subject: 'orderId' },
  'order.released': { module: 'payments', summary: 'An order settled to your balance', subject: 'orderId' },
  'order.refunded': { module: 'payments', summary: 'A refund was made', subject: 'orderId' },
  'dispute.opened': { module: 'payments', summary: 'A buyer opened a dispute', subject: 'orderId' },
  'dispute.answered': { module: 'payments', summary: 'You answered a dispute', subject: 'orderId' },
  'dispute.resolved': { module: 'payments', summary: 'Atrium decided a dispute', subject: 'orderId' },
  'subscription.accepted': { module: 'subscriptions', summary: 'A user accepted subscription messages: one send per accepted template', subject: 'openid' },
  'subscription.revoked': { module: 'subscriptions', summary: "A user took back subscriptions you had not used yet", subject: 'openid' },
} as const satisfies Record<string, { module: string; summary: string; subject: string }>;

export type EventType = keyof typeof eventNames;
export const eventTypes = Object.keys(eventNames) as EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(eventNames, value);
}
