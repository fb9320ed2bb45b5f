/**
 * Me › Orders: what this user bought through mini-programs, newest first, each with the app, what
 * was in it, the total and where it stands.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { appIcon } from '../../common/icon.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { itemsSummary, orderStatusLabel } from '../../common/orders.ts';
import { api, type AppSummary, type OrderView } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { statusPill } from '../form.ts';
import { skeletonRows } from '../home.ts';
import { recentApps } from '../recent.ts';
import { mePaths } from '../router.ts';
import { signInFirst, subFrame } from '../sub-page.ts';

const PAGE = 50;

/** App names for ids: the directory's, else the recently used list's (an app no longer listed). */
export async function appNames(accountId: string): Promise<Map<string, AppSummary | { id: string; name: string }>> {
  const names = new Map<string, AppSummary | { id: string; name: string }>(recentApps(accountId).map((r) => [r.id, { id: r.id, name: r.name }]));
  for (const app of await api.apps().catch((): AppSummary[] => [])) names.set(app.id, app);
  return names;
}

export function ordersPage(ctx: ShellContext): Page {
  const { router } = ctx;
  const frame = subFrame(router, { title: 'Orders', back: mePaths.me, backText: 'Me' });
  const page: Page = { el: frame.root, title: 'Orders · Atrium' };
  const account = ctx.account;
  if (!account) {
    frame.body.append(signInFirst(router, mePaths.orders, 'orders'));
    return page;
  }
  const slot = el('div', 'shell-list-slot shell-orders-slot', skeletonRows(3));
  frame.body.append(slot);
  let alive = true;
  const names = appNames(account.id);
  void load(null);

  async function load(before: string | null): Promise<void> {
    let orders: OrderView[];
    try {
      orders = await api.orders(before ?? undefined);
    } catch (e) {
      if (!alive) return;
      if (before === null) slot.replaceChildren(el('div', 'shell-empty', el('div', 'shell-empty-title', "Couldn't load your orders"), el('div', 'shell-empty-text', (e as Error).message), button('shell-link-button', () => void load(null), 'Try again')));
      return;
    }
    const apps = await names;
    if (!alive) return;
    if (before === null && !orders.length) {
      slot.replaceChildren(el('div', 'shell-empty shell-empty-page', el('div', 'shell-empty-icon'), el('div', 'shell-empty-title', 'No orders yet'), el('div', 'shell-empty-text', 'What you buy in mini-programs appears here.')));
      return;
    }
    const list = before === null ? el('div', 'shell-list shell-orders') : (slot.querySelector('.shell-orders') as HTMLElement);
    list.setAttribute('aria-label', 'Orders');
    list.append(...orders.map((o) => row(o, apps.get(o.appId) ?? { id: o.appId, name: o.appId })));
    const more = orders.length === PAGE ? [button('shell-link-button shell-more', () => void load(orders.at(-1)!.orderId), 'Older orders')] : [];
    slot.replaceChildren(list, ...more);
  }

  function row(o: OrderView, app: AppSummary | { id: string; name: string }): HTMLElement {
    const a = router.link(
      mePaths.order(o.orderId),
      'shell-row shell-order-row',
      appIcon(app, 'medium'),
      el('span', 'shell-row-text', el('span', 'shell-row-title', app.name), el('span', 'shell-row-sub', itemsSummary(o.items)), el('span', 'shell-row-sub', formatDateTime(o.createdAt))),
      el('span', 'shell-order-side', el('span', 'shell-money', formatMoney(o.amount, o.currency)), statusPill(orderStatusLabel(o.status))),
    );
    a.dataset.testid = `order-${o.orderId}`;
    return a;
  }

  page.unmount = () => {
    alive = false;
  };
  return page;
}
