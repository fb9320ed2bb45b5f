/**
 * The merchant console's names for what the API answers with, all taken from the generated types
 * (../api/schema.ts), and the list of the merchant's apps, which three pages read.
 */
import { api, must, type Answer, type Schemas } from '../api/client.ts';

export type AppView = Schemas['App'];
export type VersionView = Schemas['Version'];
export type OrderView = Schemas['Order'];
export type RefundView = Schemas['Refund'];
export type WithdrawalView = Schemas['Withdrawal'];
export type StatementEntry = Schemas['LedgerEntry'];
export type EndpointView = Schemas['WebhookEndpoint'];
export type DeliveryView = Schemas['WebhookDelivery'];
/** Shown once, when an app is made or its secret replaced. */
export type AppSecret = Answer<'/api/merchant/apps/{appId}/secret', 'post'>['secret'];
/** An endpoint as it was added: the one answer that carries its signing secret. */
export type NewEndpoint = Answer<'/api/merchant/webhooks/endpoints', 'post'>['endpoint'];
export type Attempt = Answer<'/api/merchant/webhooks/deliveries/{deliveryId}/attempts', 'get'>['attempts'][number];

export async function yourApps(signal?: AbortSignal): Promise<AppView[]> {
  return (await must(api.GET('/api/merchant/apps', { signal }))).apps;
}
