import type { PayDb } from './ledger.ts';

export interface OrderAudit {
  /** Held accounts whose balance is not what their unreleased orders still owe. */
  held: string[];
  /** Orders that paid more out of held funds than came in, or whose refunds disagree with the order. */
  orders: string[];
}

/**
 * The books checked against the orders, beyond what the ledger alone can tell: every merchant's
 * held funds are exactly what its paid, unreleased orders still owe (amount less refunds), and no
 * order ever took more out of held funds than its payment put in. Zero-sum books can still be
 * wrong: a refund and a release that both took an order's money would pay out other buyers'
 * money and leave every sum at zero. For tests and an operator's health check; it reads every
 * order, so it is not for a request path.
 */
export async function auditOrders(db: PayDb): Promise<OrderAudit> {
  const orders = await db.selectFrom('pay_orders').select(['id', 'merchant_id', 'currency', 'amount', 'refunded_amount', 'paid_at', 'released_at']).execute();
  const accounts = await db.selectFrom('pay_accounts').select(['id', 'owner_id', 'currency', 'balance']).where('kind', '=', 'held').execute();
  const flows = await db.selectFrom('pay_transfers').select(['order_id', 'debit_account_id', 'credit_account_id', 'amount', 'kind']).where('order_id', 'is not', null).execute();

  const owed = new Map<string, number>();
  for (const o of orders) {
    if (!o.paid_at || o.released_at) continue;
    const key = `held:${o.merchant_id}:${o.currency}`;
    owed.set(key, (owed.get(key) ?? 0) + Number(o.amount) - Number(o.refunded_amount));
  }
  const held = new Set<string>();
  for (const a of accounts) if (Number(a.balance) !== (owed.get(a.id) ?? 0)) held.add(a.id);
  for (const [id, n] of owed) if (n !== 0 && !accounts.some((a) => a.id === id)) held.add(id);

  const perOrder = new Map<string, { into: number; out: number; refunded: number }>();
  for (const f of flows) {
    const t = perOrder.get(f.order_id!) ?? { into: 0, out: 0, refunded: 0 };
    if (f.credit_account_id.startsWith('held:')) t.into += Number(f.amount);
    if (f.debit_account_id.startsWith('held:')) t.out += Number(f.amount);
    if (f.kind === 'refund') t.refunded += Number(f.amount);
    perOrder.set(f.order_id!, t);
  }
  const bad = new Set<string>();
  for (const o of orders) {
    const t = perOrder.get(o.id) ?? { into: 0, out: 0, refunded: 0 };
    if (t.out > t.into || t.refunded !== Number(o.refunded_amount) || Number(o.refunded_amount) > Number(o.amount)) bad.add(o.id);
    // Once released, an order owes nothing more out of held funds: what came in went out exactly.
    if (o.released_at && o.paid_at && t.out !== t.into) bad.add(o.id);
  }
  return { held: [...held].sort(), orders: [...bad].sort() };
}
