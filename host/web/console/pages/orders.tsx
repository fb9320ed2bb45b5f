/** @jsxImportSource preact */
/**
 * Orders of the merchant's apps, newest first (of one app with `?app=`): the app, what was bought,
 * the amount, where it stands for the buyer, and what waits for the merchant (a refund request, a
 * dispute to answer, shipping). "Older" pages back.
 */
import { api, must } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { itemsSummary, orderStatusLabel } from '../../common/orders.ts';
import { PageHead } from '../../desk/ui.tsx';
import { AppIcon, Empty, Link, Loading, Money, PagedList, Select, StatusChip, usePager, useResource, useSite, useTitle } from '../../kit/index.ts';
import { yourApps, type AppView, type OrderView } from '../api.ts';
import { waitingOn } from '../order-facts.ts';
import { consolePaths } from '../routes.ts';

const PAGE = 50;

export function OrdersPage({ filter }: { filter: { appId: string } }) {
  useTitle('Orders');
  const { router } = useSite();
  // Only for names and icons: without them the rows show app ids.
  const apps = useResource((signal) => yourApps(signal).catch((): AppView[] => []), []);
  const orders = usePager<OrderView, string>(
    async (before, signal) => {
      const query = { appId: filter.appId || undefined, before: before ?? undefined, limit: PAGE };
      const found = (await must(api.GET('/api/merchant/orders', { params: { query }, signal }))).orders;
      return { items: found, next: found.length === PAGE ? found.at(-1)!.orderId : null };
    },
    (o) => o.orderId,
    [],
  );
  const known = apps.data;
  return (
    <div class="desk-page">
      <PageHead title="Orders" sub={['What buyers paid for in your apps, newest first.']} />
      <div class="desk-toolbar">
        <Select
          aria-label="App"
          options={[{ value: '', text: 'Every app' }, ...(known ?? []).map((a) => ({ value: a.id, text: a.name }))]}
          value={filter.appId}
          onChange={(e) => router.navigate(consolePaths.orders({ appId: e.currentTarget.value }), { replace: true })}
        />
      </div>
      <div class="desk-slot">
        {known ? (
          <PagedList
            pager={orders}
            as="div"
            class="desk-list"
            label="Orders"
            failure="Couldn't load the orders"
            end="No older orders."
            empty={<Empty title="No orders yet" text={filter.appId ? 'Nobody has ordered in this app yet.' : 'Orders appear here as soon as buyers place them in your apps.'} />}
          >
            {(o) => <OrderRow order={o} app={known.find((a) => a.id === o.appId) ?? { id: o.appId, name: o.appId }} />}
          </PagedList>
        ) : (
          <Loading />
        )}
      </div>
    </div>
  );
}

function OrderRow({ order: o, app }: { order: OrderView; app: { id: string; name: string; iconUrl?: string | null } }) {
  return (
    <Link href={consolePaths.order(o.orderId)} class="desk-row" data-testid={`order-${o.orderId}`}>
      <AppIcon app={app} />
      <span class="desk-row-text">
        <span class="desk-row-title">{itemsSummary(o.items)}</span>
        <span class="desk-row-sub">{`${app.name} · ${o.orderId} · ${formatDateTime(o.createdAt)}`}</span>
      </span>
      <span class="desk-row-states">
        {waitingOn(o).map((label) => (
          <StatusChip label={label} />
        ))}
        <StatusChip label={orderStatusLabel(o.status)} />
        <Money class="desk-row-fact desk-money" amount={o.amount} currency={o.currency} />
      </span>
    </Link>
  );
}
