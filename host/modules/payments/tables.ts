/** The payments module's tables, as Kysely sees them (migrations.ts makes them). */
export interface PaymentsTables {
  /** A balance in one currency. Only the external (funding) accounts may go below zero. */
  pay_accounts: {
    /** `<kind>:<owner>:<currency>`, so a transfer names its accounts without looking them up. */
    id: string;
    kind: AccountKind;
    owner_id: string;
    currency: string;
    balance: number;
    allow_negative: number;
    created_at: string;
  };
  /** One movement of money between two accounts: the debit and the credit in one row. Never edited. */
  pay_transfers: {
    id: string;
    /** Unique: the same key again returns this transfer; with another request it is a conflict. */
    idempotency_key: string;
    debit_account_id: string;
    credit_account_id: string;
    amount: number;
    currency: string;
    kind: TransferKind;
    order_id: string | null;
    created_at: string;
  };
  pay_wallets: {
    user_id: string;
    /** HMAC of the PIN under the platform secret; null until the user sets one. */
    pin_hash: string | null;
    failed_pins: number;
    locked_until: string | null;
    updated_at: string;
  };
  pay_topups: {
    id: string;
    user_id: string;
    amount: number;
    currency: string;
    status: 'challenge' | 'succeeded' | 'declined';
    provider_ref: string;
    /** The client's key: the same one again returns this top-up. */
    idempotency_key: string;
    created_at: string;
    updated_at: string;
  };
  pay_orders: {
    id: string;
    app_id: string;
    merchant_id: string;
    user_id: string;
    out_trade_no: string | null;
    items: string;
    amount: number;
    currency: string;
    shipping: number;
    hold: number;
    note: string | null;
    /** Where the order is; refunds and disputes are read beside it (see orderStatus). */
    stage: OrderStage;
    refunded_amount: number;
    fee_bps: number;
    created_at: string;
    expires_at: string;
    paid_at: string | null;
    shipped_at: string | null;
    /** When held funds go to the merchant by themselves (set on shipping; cleared by a dispute). */
    release_due_at: string | null;
    released_at: string | null;
  };
  pay_refunds: {
    id: string;
    order_id: string;
    amount: number;
    reason: string;
    status: 'pending' | 'refunded' | 'rejected';
    requested_by: 'user' | 'merchant' | 'admin';
    out_refund_no: string | null;
    created_at: string;
    decided_at: string | null;
  };
  pay_disputes: {
    id: string;
    order_id: string;
    reason: string;
    status: 'open' | 'answered' | 'resolved';
    answer: string | null;
    decision: 'refund' | 'release' | null;
    refund_amount: number | null;
    decided_by: string | null;
    note: string | null;
    created_at: string;
    answered_at: string | null;
    decided_at: string | null;
  };
  /** Money sent out of a wallet or a merchant's balance to a card. */
  pay_withdrawals: {
    id: string;
    owner_kind: 'wallet' | 'merchant';
    owner_id: string;
    amount: number;
    currency: string;
    /** The whole card number only while the payout is pending (to ask the provider again); then ''. */
    card: string;
    card_last4: string;
    status: 'pending' | 'succeeded' | 'failed';
    reason: string | null;
    provider_ref: string | null;
    /** The caller's key: the same one again returns this withdrawal. */
    idempotency_key: string;
    created_at: string;
    updated_at: string;
  };
  /** Stored answers of the merchant API's writes, by Idempotency-Key. */
  pay_idempotency: {
    scope: string;
    key: string;
    request_hash: string;
    response: string;
    created_at: string;
  };
}

export type AccountKind = 'wallet' | 'merchant' | 'held' | 'fees' | 'external';
export type TransferKind = 'topup' | 'payment' | 'release' | 'fee' | 'refund' | 'withdrawal' | 'withdrawal_return';
export type OrderStage = 'created' | 'paid' | 'shipped' | 'completed' | 'expired' | 'cancelled';
