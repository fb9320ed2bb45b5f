/** The admin API as the console calls it (see host/modules/apps/admin.routes.ts). */
import type { AppView, AuditEntry, RejectionReason, ReviewItem, VersionView } from '../../modules/apps/browser.ts';
import type { DisputeView } from '../../modules/payments/browser.ts';
import { queryString, request, seg } from '../common/http.ts';

export type { AppView, AuditEntry, RejectionReason, VersionView } from '../../modules/apps/browser.ts';

/** Who owns an app, as the host names them for admins. */
export interface MerchantRef {
  id: string;
  email: string | null;
  displayName: string | null;
}

export type ReviewEntry = ReviewItem & { merchant: MerchantRef };
export type AuditRow = AuditEntry & { actorName: string | null };
export interface AppHistory {
  app: AppView;
  merchant: MerchantRef;
  versions: VersionView[];
  audit: AuditRow[];
}

export interface AuditFilter {
  appId?: string;
  action?: string;
  /** Entries older than this time: the next page. */
  before?: string;
  limit?: number;
}

/** A dispute with its order's facts, as the admin lists them. */
export type DisputeEntry = DisputeView & { orderId: string; merchantId: string; appId: string; amount: number; currency: string };

/** Release the held money to the merchant, or refund the buyer (all that is left, or `amount`). */
export type DisputeDecision = { decision: 'release'; note: string } | { decision: 'refund'; amount?: number; note: string };

const review = (versionId: string) => `/api/admin/reviews/${seg(versionId)}`;
const app = (appId: string) => `/api/admin/apps/${seg(appId)}`;

export const adminApi = {
  queue: () => request<{ items: ReviewEntry[] }>('GET', '/api/admin/reviews').then((r) => r.items),
  item: (versionId: string) => request<{ item: ReviewEntry }>('GET', review(versionId)).then((r) => r.item),
  approve: (versionId: string, note?: string) => request<{ item: ReviewEntry }>('POST', `${review(versionId)}/approve`, note ? { note } : {}).then((r) => r.item),
  reject: (versionId: string, reasons: RejectionReason[]) => request<{ item: ReviewEntry }>('POST', `${review(versionId)}/reject`, { reasons }).then((r) => r.item),
  apps: (f: { search?: string; status?: string } = {}) => request<{ apps: AppView[] }>('GET', `/api/admin/apps${queryString(f)}`).then((r) => r.apps),
  app: (appId: string) => request<AppHistory>('GET', app(appId)),
  suspend: (appId: string, reason: string) => request<{ app: AppView; endedSessions: number }>('POST', `${app(appId)}/suspend`, { reason }),
  reinstate: (appId: string, reason: string) => request<{ app: AppView }>('POST', `${app(appId)}/reinstate`, { reason }).then((r) => r.app),
  licence: (appId: string, granted: boolean, reason: string) => request<{ app: AppView }>('POST', `${app(appId)}/licence`, { granted, reason }).then((r) => r.app),
  audit: (f: AuditFilter = {}) => request<{ entries: AuditRow[] }>('GET', `/api/admin/audit${queryString({ ...f })}`).then((r) => r.entries),
  disputes: (status?: DisputeView['status']) => request<{ disputes: DisputeEntry[] }>('GET', `/api/admin/disputes${queryString({ status })}`).then((r) => r.disputes),
  decide: (disputeId: string, d: DisputeDecision) => request<{ dispute: DisputeView }>('POST', `/api/admin/disputes/${seg(disputeId)}/decide`, d).then((r) => r.dispute),
};
