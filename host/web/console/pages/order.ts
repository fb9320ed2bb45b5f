/**
 * One order, as its merchant sees it: where it stands for the buyer, the items and amounts, the
 * refunds (with the buyer's requests to approve or reject), the dispute (with the answer form),
 * and the actions: mark shipped, refund.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { ApiError } from '../../common/http.ts';
import { appIcon } from '../../common/icon.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { feeOf } from '../../../modules/payments/browser.ts';
import { disputeStatusLabel, merchantActions, orderStatusLabel, refundBy, refundStatusLabel } from '../../common/orders.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { badge, copyable, empty, facts, failure, loading, mono, note, pageHead, panel } from '../../desk/dom/ui.ts';
import { merchantApi, type AppView } from '../api.ts';
import { disputeAnswerForm, refundDecision, refundForm, shipButton } from '../order-actions.ts';
import { paymentsApi, type OrderView } from '../payments-api.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';

export function orderPage(ctx: DeskContext<ConsoleRoute>, orderId: string): Page {
  const { router } = ctx;
  const back = () => router.link(consolePaths.orders(), 'desk-back', 'Orders');
  const root = el('div', 'desk-page', pageHead('Order', { back: back() }), loading());
  let alive = true;
  const apps = merchantApi.apps().catch((): AppView[] => []);
  void load();

  async function load(): Promise<void> {
    let order: OrderView;
    try {
      order = await paymentsApi.order(orderId);
    } catch (e) {
      if (!alive) return;
      if (e instanceof ApiError && e.status === 404) return void root.replaceChildren(empty('No such order', 'It is not an order of your apps.', router.link(consolePaths.orders(), 'shell-primary shell-button-link desk-inline-button', 'Orders')));
      root.replaceChildren(pageHead('Order', { back: back() }), failure("Couldn't load the order", e, () => void load()));
      return ctx.failed(e);
    }
    const app = (await apps).find((a) => a.id === order.appId) ?? { id: order.appId, name: order.appId };
    if (!alive) return;
    draw(order, app);
  }

  async function done(said: string): Promise<void> {
    ctx.ui.toast({ title: said, icon: 'success', durationMs: 1500 });
    await load();
  }

  function draw(o: OrderView, app: { id: string; name: string; iconUrl?: string | null }): void {
    const money = (n: number) => formatMoney(n, o.currency);
    const label = orderStatusLabel(o.status);
    const status = badge(label.text, label.tone);
    status.dataset.testid = 'order-status';
    const head = pageHead(`Order ${money(o.amount)}`, { back: back(), lead: appIcon(app, 'large'), sub: [status, app.name, mono(o.orderId)] });

    const items = el(
      'table',
      'desk-table',
      el('thead', '', el('tr', '', el('th', '', 'Item'), el('th', 'desk-num', 'Unit price'), el('th', 'desk-num', 'Quantity'), el('th', 'desk-num', 'Amount'))),
      el('tbody', '', ...o.items.map((i) => el('tr', '', el('td', '', el('div', '', i.name), el('div', 'desk-muted', i.sku)), el('td', 'desk-num', money(i.unitAmount)), el('td', 'desk-num', String(i.quantity)), el('td', 'desk-num', money(i.unitAmount * i.quantity))))),
      el(
        'tfoot',
        '',
        el('tr', '', el('th', '', 'Total'), el('td', ''), el('td', ''), el('td', 'desk-num', money(o.amount))),
        ...(o.refundedAmount ? [el('tr', '', el('th', '', 'Refunded'), el('td', ''), el('td', ''), el('td', 'desk-num', `−${money(o.refundedAmount)}`))] : []),
        ...proceeds(o).map(([what, amount]) => el('tr', '', el('th', '', what), el('td', ''), el('td', ''), el('td', 'desk-num', amount))),
      ),
    );
    const main: HTMLElement[] = [panel('Items', items)];

    if (o.refunds.length) {
      const rows = o.refunds.map((r) => {
        const rl = refundStatusLabel(r);
        const row = el(
          'div',
          'desk-action-row',
          el('div', 'desk-action-text', el('strong', '', money(r.amount)), el('span', '', r.reason), el('span', 'desk-muted', `${refundBy(r, 'merchant')} · ${formatDateTime(r.createdAt)}`)),
          r.status === 'pending' && r.requestedBy === 'user' ? refundDecision(ctx, o, r, done) : badge(rl.text, rl.tone),
        );
        row.dataset.testid = `refund-${r.refundId}`;
        return row;
      });
      main.push(panel('Refunds', ...rows));
    }

    const can = merchantActions(o);
    if (o.dispute) {
      const d = o.dispute;
      const dl = disputeStatusLabel(d, o.currency);
      const parts: Node[] = [
        el('div', 'desk-head-sub', badge(dl.text, dl.tone), `opened ${formatDateTime(d.createdAt)}`),
        el('h3', 'desk-subtitle', "The buyer's reason"),
        el('p', 'desk-notes', d.reason),
      ];
      if (d.answer && !can.answerDispute) parts.push(el('h3', 'desk-subtitle', 'Your answer'), el('p', 'desk-notes', d.answer));
      if (d.note) parts.push(el('h3', 'desk-subtitle', "Atrium's decision"), el('p', 'desk-notes', d.note));
      if (can.answerDispute) parts.push(disputeAnswerForm(ctx, o, done));
      const p = panel('Dispute', ...parts);
      p.dataset.testid = 'dispute';
      main.push(p);
    }

    const actions: Node[] = [];
    if (can.ship) actions.push(el('div', 'desk-action-row desk-action-first', el('div', 'desk-action-text', el('strong', '', 'Ready to go?'), el('span', 'desk-muted', 'Tell the buyer it is on its way.')), shipButton(ctx, o, done)));
    if (can.refund) {
      const slot = el('div', 'desk-slot');
      const open = button('desk-button desk-button-danger', () => slot.replaceChildren(refundForm(ctx, o, done)), 'Refund…');
      actions.push(el('div', 'desk-action-row', el('div', 'desk-action-text', el('strong', '', 'Refund'), el('span', 'desk-muted', 'All or part of what is left.')), open), slot);
    }
    if (!actions.length) actions.push(note(o.paidAt ? 'Nothing to do: this order is settled.' : 'Nothing to do until the buyer pays.'));

    const about = panel(
      'About',
      facts([
        ['Order id', copyable(o.orderId, 'order id')],
        ...((o.outTradeNo ? [['Your order number', mono(o.outTradeNo)]] : []) as [string, Node][]),
        ['Placed', formatDateTime(o.createdAt)],
        ['Paid', o.paidAt ? formatDateTime(o.paidAt) : 'Not yet'],
        ...((o.shippedAt ? [['Shipped', formatDateTime(o.shippedAt)]] : []) as [string, string][]),
        ['Money', settlement(o)],
        ...((o.note ? [['Note', o.note]] : []) as [string, string][]),
      ]),
    );
    root.replaceChildren(head, el('div', 'desk-columns', el('div', 'desk-column', ...main), el('div', 'desk-column desk-column-side', panel('Actions', ...actions), about)));
    document.title = `Order ${o.orderId} · Merchant console`;
  }

  return {
    el: root,
    title: 'Order',
    unmount() {
      alive = false;
    },
  };
}

/**
 * What the merchant gets from a paid order: the platform's fee on what is not refunded (fixed when
 * the order was made) and the rest, as the ledger will move it on release.
 */
function proceeds(o: OrderView): [string, string][] {
  const kept = o.amount - o.refundedAmount;
  if (!o.paidAt || kept <= 0) return [];
  const fee = feeOf(kept, o.feeBps);
  const rate = `${(o.feeBps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
  return [
    [`Platform fee (${rate})`, `−${formatMoney(fee, o.currency)}`],
    [o.releasedAt ? 'You received' : 'You receive on release', formatMoney(kept - fee, o.currency)],
  ];
}

/** Where the buyer's money is: held, settled to the balance, or back with the buyer. */
function settlement(o: OrderView): string {
  if (!o.paidAt) return 'Not paid';
  if (o.refundedAmount >= o.amount) return 'Refunded to the buyer';
  if (o.releasedAt) return `Settled to your balance on ${formatDateTime(o.releasedAt)}, less the platform fee`;
  if (o.dispute && o.dispute.status !== 'resolved') return 'Held while the dispute is open';
  if (o.releaseDueAt) return `Held until the buyer confirms receipt, or ${formatDateTime(o.releaseDueAt)}`;
  return 'Held until the buyer confirms receipt';
}
