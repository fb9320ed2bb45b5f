/**
 * Helpers for a merchant's own backend (Node ≥ 20, or any runtime with fetch): plain fetch, nothing of the host.
 * - login-code.ts: trade a mini-program's login code for openid/unionid
 * - request.ts: the host connection and error handling every helper shares
 * - webhooks.ts: verify Standard Webhooks signatures on events the host sends
 * - orders.ts: the merchant API (orders, shipping, refunds) with idempotency keys
 * - subscription-messages.ts: sending subscription messages, part of the merchant API
 */
export { AtriumError, isErrorCode, type ErrorCode } from '../contract/errors.ts';
export { exchangeLoginCode, type LoginCodeExchange, type LoginIdentity } from './login-code.ts';
export type { HostConnection } from './request.ts';
export { signWebhook, verifyWebhook, type WebhookEvent } from './webhooks.ts';
export { merchantApi, type MerchantApiOptions, type MerchantOrder, type MerchantRefund } from './orders.ts';
export type { SentSubscriptionMessage, SubscriptionMessageInput } from './subscription-messages.ts';
