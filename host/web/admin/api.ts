/**
 * What the admin console reads from the API beyond the generated types (../api/schema.ts): two
 * answers carry more than their routes declare, so their shapes are written here, each with why.
 */
import type { DisputeView } from '../../modules/payments/browser.ts';
import type { MerchantRef } from '../../modules/apps/browser.ts';
import { api, must, type Body, type Schemas } from '../api/client.ts';

export type { RejectionReason } from '../../modules/apps/browser.ts';
export type ReviewEntry = Schemas['ReviewItem'];
export type AuditRow = Schemas['AuditEntry'];
export type AppView = Schemas['App'];

/** An app's history; its route declares the merchant as an object without saying which fields. */
export async function appHistory(appId: string, signal?: AbortSignal) {
  const h = await must(api.GET('/api/admin/apps/{appId}', { params: { path: { appId } }, signal }));
  return { ...h, merchant: h.merchant as MerchantRef };
}
export type AppHistory = Awaited<ReturnType<typeof appHistory>>;

/**
 * A dispute with its order's facts, as the admin lists them: the route declares the dispute alone
 * (`DisputeView`), and the service answers with these beside it.
 */
export type DisputeEntry = DisputeView & { orderId: string; merchantId: string; appId: string; amount: number; currency: string };

export async function disputes(status: DisputeView['status'] | undefined, signal?: AbortSignal): Promise<DisputeEntry[]> {
  return (await must(api.GET('/api/admin/disputes', { params: { query: { status } }, signal }))).disputes as DisputeEntry[];
}

/** Release the held money to the merchant, or refund the buyer (all that is left, or `amount`). */
export type DisputeDecision = Body<'/api/admin/disputes/{disputeId}/decide', 'post'>;
