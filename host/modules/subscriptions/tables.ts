import type { IdempotencyTable } from '../../http/index.ts';

/** The subscriptions module's tables, as Kysely sees them (migrations.ts makes them). */
export interface SubscriptionsTables {
  /**
   * One row per acceptance of one template: each lets the merchant send that template to the
   * user once. Rows are never deleted while the account lives, so a used or revoked grant says
   * when and why it went.
   */
  sub_grants: {
    /** Sortable: the oldest unused grant is used first. */
    id: string;
    app_id: string;
    merchant_id: string;
    user_id: string;
    /** The user as the app sees them: what the merchant's backend sends to. */
    openid: string;
    template_id: string;
    /** The template's title and the app's name as the user saw them when accepting. */
    title: string;
    app_name: string;
    /** The version the user accepted in. */
    version_id: string;
    status: GrantStatus;
    granted_at: string;
    used_at: string | null;
    /** The send that used it. */
    send_id: string | null;
    revoked_at: string | null;
  };
  /** Every message sent, with the grant it used and where it landed. */
  sub_sends: {
    id: string;
    app_id: string;
    merchant_id: string;
    user_id: string;
    openid: string;
    template_id: string;
    grant_id: string;
    page: string;
    conversation_id: string;
    message_id: string;
    created_at: string;
  };
  /** The merchant API's Idempotency-Keys for sends, with their first answers. */
  sub_idempotency: IdempotencyTable;
}

export type GrantStatus = 'unused' | 'used' | 'revoked';
export type GrantRow = SubscriptionsTables['sub_grants'];
