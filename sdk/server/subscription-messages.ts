import type { TemplateFieldValue } from '../contract/templates.ts';
import { requestJson, type HostConnection } from './request.ts';

/** One subscription message to send: to whom, which template, its fields, and the page a tap opens. */
export interface SubscriptionMessageInput {
  /** The user as your app sees them (from the login-code exchange). */
  openid: string;
  /** One of the templates under `subscriptions` in your app's atrium.json. */
  templateId: string;
  /**
   * A value for every field of the template, by key: text a string (at most 100 characters),
   * number a number, money `{ amount, currency }` in integer minor units, date `'2026-12-08'` or
   * `'2026-12-08T10:30:00+08:00'`.
   */
  fields: Record<string, TemplateFieldValue>;
  /** The page of your app a tap on the notice opens, with its query. */
  page: string;
  query?: Record<string, string>;
  /** Send the same key when you retry: the host sends once and answers the retry with the first result. */
  idempotencyKey?: string;
}

/** A subscription message as the host answers a send. */
export interface SentSubscriptionMessage {
  id: string;
  appId: string;
  openid: string;
  templateId: string;
  page: string;
  sentAt: string;
}

/** The subscription-message calls of `merchantApi`, on the connection and credentials it holds. */
export function subscriptionMessages(connection: HostConnection, auth: Record<string, string>) {
  return {
    /**
     * Sends a subscription message to a user of `appId` who accepted the template: it uses one of
     * their acceptances and lands in their service notifications. Rejects with `no_grant` when
     * they have none left (each acceptance allows one message: count the `subscription.accepted`
     * webhooks), `invalid_args` when a field, the template or the page is not as the version the
     * user gets declares, `not_found` for an app that is not yours (or not the secret's).
     * @example
     * import { merchantApi } from 'atrium/server';
     * const atrium = merchantApi({ baseUrl: 'https://atrium.example.com', appId: 'shop', appSecret: process.env.SHOP_SECRET! });
     * await atrium.sendSubscriptionMessage('shop', {
     *   openid: 'o_5Kq2',
     *   templateId: 'order-shipped',
     *   fields: { order: 'TH-1001', carrier: 'SF Express', total: { amount: 4800, currency: 'CNY' } },
     *   page: 'pages/result',
     *   query: { orderId: 'ord_7Hq2' },
     *   idempotencyKey: 'shipped-ord_7Hq2',
     * });
     */
    async sendSubscriptionMessage(appId: string, input: SubscriptionMessageInput): Promise<SentSubscriptionMessage> {
      const { idempotencyKey, ...body } = input;
      const headers = { ...auth, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
      return (await requestJson<{ message: SentSubscriptionMessage }>(connection, 'POST', `/api/merchant/apps/${encodeURIComponent(appId)}/subscription-messages`, body, headers)).message;
    },
  };
}
