/** @jsxImportSource preact */
/**
 * Me › Orders: what this user bought through mini-programs, newest first, each with the app, what
 * was in it, the total and where it stands; paged back with "Older orders".
 */
import { useMemo } from 'preact/hooks';
import { formatMoney } from '../../../../lib/money.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { itemsSummary, orderStatusLabel } from '../../common/orders.ts';
import { AppIcon, Empty, Link, PagedList, StatusChip, usePager } from '../../kit/index.ts';
import { appNames, type AppName } from '../api.ts';
import { mePaths } from '../router.ts';
import { SubPage } from '../sub-page.tsx';

const PAGE = 50;

export function OrdersPage() {
  return (
    <SubPage title="Orders" back={mePaths.me} backText="Me" here={mePaths.orders} what="orders">
      {(account) => <Orders accountId={account.id} />}
    </SubPage>
  );
}

type Listed = { order: Schemas['Order']; app: AppName };

function Orders({ accountId }: { accountId: string }) {
  // Asked once for the page: every page of orders names its apps from the same answer.
  const names = useMemo(() => appNames(accountId), []);
  const orders = usePager<Listed, string>(
    async (before, signal) => {
      const [{ orders }, apps] = await Promise.all([must(api.GET('/api/orders', { params: { query: { before: before ?? undefined } }, signal })), names]);
      return { items: orders.map((order) => ({ order, app: apps.get(order.appId) ?? { id: order.appId, name: order.appId } })), next: orders.length === PAGE ? orders.at(-1)!.orderId : null };
    },
    ({ order }) => order.orderId,
    [],
  );
  return (
    <div class="shell-list-slot shell-orders-slot">
      <PagedList
        pager={orders}
        as="div"
        class="shell-list shell-orders"
        label="Orders"
        failure="Couldn't load your orders"
        more="Older orders"
        empty={<Empty class="shell-empty-page" title="No orders yet" text="What you buy in mini-programs appears here." />}
      >
        {(listed) => <OrderRow {...listed} />}
      </PagedList>
    </div>
  );
}

function OrderRow({ order: o, app }: Listed) {
  return (
    <Link href={mePaths.order(o.orderId)} class="shell-row shell-order-row" data-testid={`order-${o.orderId}`}>
      <AppIcon app={app} />
      <span class="shell-row-text">
        <span class="shell-row-title">{app.name}</span>
        <span class="shell-row-sub">{itemsSummary(o.items)}</span>
        <span class="shell-row-sub">{formatDateTime(o.createdAt)}</span>
      </span>
      <span class="shell-order-side">
        <span class="shell-money">{formatMoney(o.amount, o.currency)}</span>
        <StatusChip label={orderStatusLabel(o.status)} />
      </span>
    </Link>
  );
}
