import { createHmac, timingSafeEqual } from 'node:crypto';
import { AtriumError } from '../contract/errors.ts';
import type { OutboundEvent } from '../contract/events.ts';

/**
 * Standard Webhooks (standardwebhooks.com): the host signs `${id}.${timestamp}.${body}` with
 * HMAC-SHA256 under the endpoint's `whsec_` secret and sends `webhook-id`, `webhook-timestamp`
 * (Unix seconds) and `webhook-signature: v1,<base64>`. Any Standard Webhooks library verifies
 * these too.
 */
function keyOf(secret: string): Buffer {
  if (!secret.startsWith('whsec_')) throw new AtriumError('invalid_args', 'A webhook secret starts with "whsec_".');
  return Buffer.from(secret.slice('whsec_'.length), 'base64');
}

/** The `v1,<base64>` signature of one message. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * An event from Atrium: `type` names it and narrows `data` to that event's fields (the events
 * contract, sdk/contract/events.ts, lists them); `timestamp` is the ISO time it happened.
 */
export type WebhookEvent = OutboundEvent;

/**
 * Checks a webhook request from Atrium and returns its event; throws `unauthorized` for a bad
 * signature and `expired` for a timestamp more than `toleranceSeconds` (default 300) off. Pass
 * the body exactly as received: re-serialised JSON does not verify. Use `webhook-id` to apply
 * each event once, since a delivery can be retried.
 *
 * @example
 * app.post('/atrium/webhooks', async (req, res) => {
 *   const event = verifyWebhook({ secret: process.env.ATRIUM_WEBHOOK_SECRET!, headers: req.headers, body: req.rawBody });
 *   if (event.type === 'order.paid') await markPaid(event.data.orderId, event.data.amount);
 *   res.sendStatus(204);
 * });
 */
export function verifyWebhook(input: {
  secret: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  body: string;
  toleranceSeconds?: number;
  now?: Date;
}): WebhookEvent & { id: string } {
  const header = (name: string): string => {
    const h = input.headers;
    const v = h instanceof Headers ? h.get(name) : h[name] ?? h[name.toLowerCase()];
    const one = Array.isArray(v) ? v[0] : v;
    if (!one) throw new AtriumError('unauthorized', `The ${name} header is missing.`);
    return one;
  };
  const id = header('webhook-id');
  const timestamp = Number(header('webhook-timestamp'));
  if (!Number.isInteger(timestamp)) throw new AtriumError('unauthorized', 'webhook-timestamp is not a Unix time in seconds.');
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) throw new AtriumError('expired', 'The webhook timestamp is too far from now; it may be a replay.');
  const expected = Buffer.from(signWebhook(input.secret, id, timestamp, input.body).slice(3), 'base64');
  const given = header('webhook-signature')
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  if (!given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) throw new AtriumError('unauthorized', 'The webhook signature does not match.');
  return { id, ...(JSON.parse(input.body) as WebhookEvent) };
}
