/**
 * Orders of the merchant's apps, newest first (of one app with `?app=`): the app, what was bought,
 * the amount, where it stands for the buyer, and what waits for the merchant (a refund request, a
 * dispute to answer). "Older" pages back.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { appIcon } from '../../common/icon.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { itemsSummary, orderStatusLabel } from '../../common/orders.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { actionButton, badge, empty, failure, loading, pageHead, select } from '../../desk/dom/ui.ts';
import { merchantApi, type AppView } from '../api.ts';
import { paymentsApi, type OrderView } from '../payments-api.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';

const PAGE = 50;

export function ordersPage(ctx: DeskContext<ConsoleRoute>, filter: { appId: string }): Page {
  const { router } = ctx;
  const pick = select([{ value: '', text: 'Every app' }], { value: '' });
  pick.setAttribute('aria-label', 'App');
  pick.addEventListener('change', () => router.navigate(consolePaths.orders({ appId: pick.value }), { replace: true }));
  const body = el('div', 'desk-slot', loading());
  const more = el('div', 'desk-slot');
  const root = el('div', 'desk-page', pageHead('Orders', { sub: ['What buyers paid for in your apps, newest first.'] }), el('div', 'desk-toolbar', pick), body);
  let alive = true;
  let apps = new Map<string, AppView>();
  let list: HTMLElement | null = null;
  void start();

  async function start(): Promise<void> {
    const known = await merchantApi.apps().catch((): AppView[] => []);
    if (!alive) return;
    apps = new Map(known.map((a) => [a.id, a]));
    pick.append(...known.map((a) => Object.assign(el('option', '', a.name), { value: a.id })));
    pick.value = filter.appId;
    await load(null);
  }

  async function load(before: string | null): Promise<void> {
    let orders: OrderView[];
    try {
      orders = await paymentsApi.orders({ appId: filter.appId || undefined, before: before ?? undefined, limit: PAGE });
    } catch (e) {
      if (!alive) return;
      if (before === null) body.replaceChildren(failure("Couldn't load the orders", e, () => void load(null)));
      return ctx.failed(e);
    }
    if (!alive) return;
    if (before === null && !orders.length) return void body.replaceChildren(empty('No orders yet', filter.appId ? 'Nobody has ordered in this app yet.' : 'Orders appear here as soon as buyers place them in your apps.'));
    if (!list) {
      list = el('div', 'desk-list');
      list.setAttribute('aria-label', 'Orders');
      body.replaceChildren(list, more);
    }
    list.append(...orders.map(row));
    more.replaceChildren(...(orders.length === PAGE ? [actionButton('desk-button desk-more-button', 'Older', () => load(orders.at(-1)!.orderId))] : []));
  }

  function row(o: OrderView): HTMLElement {
    const app = apps.get(o.appId) ?? { id: o.appId, name: o.appId };
    const label = orderStatusLabel(o.status);
    const waiting: HTMLElement[] = [];
    if (o.refunds.some((r) => r.status === 'pending')) waiting.push(badge('Refund requested', 'orange'));
    if (o.dispute?.status === 'open') waiting.push(badge('Dispute to answer', 'red'));
    if (o.stage === 'paid' && o.shipping) waiting.push(badge('To ship', 'blue'));
    const a = router.link(
      consolePaths.order(o.orderId),
      'desk-row',
      appIcon(app, 'medium'),
      el('span', 'desk-row-text', el('span', 'desk-row-title', itemsSummary(o.items)), el('span', 'desk-row-sub', `${app.name} · ${o.orderId} · ${formatDateTime(o.createdAt)}`)),
      el('span', 'desk-row-states', ...waiting, badge(label.text, label.tone), el('span', 'desk-row-fact desk-money', formatMoney(o.amount, o.currency))),
    );
    a.dataset.testid = `order-${o.orderId}`;
    return a;
  }

  return {
    el: root,
    title: 'Orders',
    unmount() {
      alive = false;
    },
  };
}
