/** @jsxImportSource preact */
/**
 * Me › Orders › one order: where it stands, the items and amounts, its refunds and dispute, and
 * what the buyer can do now (./order-actions.tsx).
 */
import type { ComponentChildren } from 'preact';
import { formatMoney } from '../../../../lib/money.ts';
import { api, must, nullIfMissing, type Schemas } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { disputeStatusLabel, orderStatusLabel, refundBy, refundStatusLabel } from '../../common/orders.ts';
import { AppIcon, Empty, Link, Loaded, StatusChip, useResource } from '../../kit/index.ts';
import { appNames, type AppName } from '../api.ts';
import { buyerNote } from '../order-buyer.ts';
import { mePaths } from '../router.ts';
import { SubPage } from '../sub-page.tsx';
import { Quote, Section } from '../ui.tsx';
import { OrderActions } from './order-actions.tsx';

type Order = Schemas['Order'];

export function OrderPage({ orderId }: { orderId: string }) {
  return (
    <SubPage title="Order" back={mePaths.orders} backText="Orders" here={mePaths.order(orderId)} what="order">
      {(account) => <OrderBody orderId={orderId} accountId={account.id} />}
    </SubPage>
  );
}

function OrderBody({ orderId, accountId }: { orderId: string; accountId: string }) {
  const found = useResource(async (signal) => {
    const [order, apps] = await Promise.all([
      must(api.GET('/api/orders/{orderId}', { params: { path: { orderId } }, signal })).then((r) => r.order, nullIfMissing),
      appNames(accountId, signal),
    ]);
    return order && { order, app: apps.get(order.appId) ?? { id: order.appId, name: order.appId } };
  }, [orderId]);
  return (
    <Loaded resource={found} failure="Couldn't load the order">
      {(o) =>
        o ? (
          <Order order={o.order} app={o.app} changed={found.reload} />
        ) : (
          <Empty class="shell-empty-page" title="No such order" text="It is not one of your orders.">
            <Link href={mePaths.orders} class="shell-link-button">
              Your orders
            </Link>
          </Empty>
        )
      }
    </Loaded>
  );
}

function Order({ order: o, app, changed }: { order: Order; app: AppName; changed(): Promise<void> }) {
  const money = (n: number) => formatMoney(n, o.currency);
  const details: [string, string | null][] = [
    ['Order number', o.orderId],
    ['Placed', formatDateTime(o.createdAt)],
    ['Paid', o.paidAt && formatDateTime(o.paidAt)],
    ['Shipped', o.shippedAt && formatDateTime(o.shippedAt)],
    ['Confirms itself', o.releaseDueAt && formatDateTime(o.releaseDueAt)],
  ];
  return (
    <>
      <div class="shell-card shell-order-head" data-testid="order-status">
        <StatusChip label={orderStatusLabel(o.status)} />
        <div class="shell-order-amount">{money(o.amount)}</div>
        <p class="shell-card-text">{buyerNote(o)}</p>
      </div>
      <Section title="Items">
        <div class="shell-list shell-order-lines">
          <div class="shell-auth-head">
            <AppIcon app={app} size="small" />
            <span class="shell-row-title">{app.name}</span>
          </div>
          {o.items.map((i) => (
            <Line text={<span class="shell-line-name">{i.name}</span>} sub={`${money(i.unitAmount)} × ${i.quantity}`} amount={money(i.unitAmount * i.quantity)} />
          ))}
          <Line total text="Total" amount={money(o.amount)} />
          {o.refundedAmount > 0 && <Line text="Refunded" amount={money(o.refundedAmount)} refunded />}
        </div>
      </Section>
      <Section title="Details">
        <div class="shell-list">
          {details.map(
            ([k, v]) =>
              v && (
                <div class="shell-row shell-static-row shell-fact">
                  <span class="shell-fact-key">{k}</span>
                  <span class="shell-fact-value">{v}</span>
                </div>
              ),
          )}
        </div>
      </Section>
      {o.refunds.length > 0 && (
        <Section title="Refunds">
          <div class="shell-list">
            {o.refunds.map((r) => (
              <div class="shell-row shell-static-row shell-refund" data-testid={`refund-${r.refundId}`}>
                <span class="shell-row-text">
                  <span class="shell-row-title">{money(r.amount)}</span>
                  <span class="shell-row-sub">{r.reason}</span>
                  <span class="shell-row-sub">{`${refundBy(r, 'user')} · ${formatDateTime(r.createdAt)}`}</span>
                </span>
                <StatusChip label={refundStatusLabel(r)} />
              </div>
            ))}
          </div>
        </Section>
      )}
      {o.dispute && (
        <Section title="Dispute">
          <div class="shell-card shell-dispute" data-testid="order-dispute">
            <div class="shell-dispute-line">
              <StatusChip label={disputeStatusLabel(o.dispute, o.currency)} />
            </div>
            <Quote label="Your reason" text={o.dispute.reason} />
            {o.dispute.answer && <Quote label="The merchant's answer" text={o.dispute.answer} />}
            {o.dispute.note && <Quote label="Atrium's decision" text={o.dispute.note} />}
          </div>
        </Section>
      )}
      <OrderActions order={o} changed={changed} />
    </>
  );
}

/** A line of the order's sum: what, and how much. */
function Line({ text, sub, amount, total = false, refunded = false }: { text: ComponentChildren; sub?: string; amount: string; total?: boolean; refunded?: boolean }) {
  return (
    <div class={total ? 'shell-row shell-static-row shell-line shell-line-total' : 'shell-row shell-static-row shell-line'}>
      <span class="shell-row-text">
        {text}
        {sub && <span class="shell-row-sub">{sub}</span>}
      </span>
      <span class={refunded ? 'shell-money shell-money-in' : 'shell-money'}>{amount}</span>
    </div>
  );
}
