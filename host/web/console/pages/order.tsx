/** @jsxImportSource preact */
/**
 * One order, as its merchant sees it: where it stands for the buyer, the items and amounts with
 * the platform's fee, the refunds (with the buyer's requests to approve or reject), the dispute
 * (with the answer form), the actions (mark shipped, refund) and the order's facts.
 */
import { useMemo } from 'preact/hooks';
import { formatMoney } from '../../../../lib/money.ts';
import { api, must, nullIfMissing } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { orderStatusLabel } from '../../common/orders.ts';
import { Copyable } from '../../desk/copy.tsx';
import { Facts, Mono, PageHead, Panel } from '../../desk/ui.tsx';
import { AppIcon, Empty, Failure, Link, Loading, StatusChip, useResource, useSite, useTitle } from '../../kit/index.ts';
import { yourApps, type AppView, type OrderView } from '../api.ts';
import { DisputePanel } from '../dispute-panel.tsx';
import { ActionsPanel } from '../order-actions.tsx';
import { settlement } from '../order-facts.ts';
import { ItemsPanel } from '../order-items.tsx';
import { RefundsPanel } from '../refunds-panel.tsx';
import { consolePaths } from '../routes.ts';

/** What the page shows of the order's app: its id when the app is not among the merchant's. */
type AppFace = { id: string; name: string; iconUrl?: string | null };

const Back = () => (
  <Link href={consolePaths.orders()} class="desk-back">
    Orders
  </Link>
);

export function OrderPage({ orderId }: { orderId: string }) {
  const { ui } = useSite();
  // Only for the app's name and icon, once per page: the order names its app by id.
  const apps = useMemo(() => yourApps().catch((): AppView[] => []), []);
  const loaded = useResource(async (signal) => {
    const order = await must(api.GET('/api/merchant/orders/{orderId}', { params: { path: { orderId } }, signal }))
      .then((r) => r.order)
      .catch(nullIfMissing);
    if (!order) return null;
    const app: AppFace = (await apps).find((a) => a.id === order.appId) ?? { id: order.appId, name: order.appId };
    return { order, app };
  }, [orderId]);
  const found = loaded.data;
  useTitle(found ? `Order ${orderId}` : 'Order');

  async function done(said: string): Promise<void> {
    ui.toast({ title: said, icon: 'success', durationMs: 1500 });
    await loaded.reload();
  }

  if (found === null) {
    return (
      <div class="desk-page">
        <Empty title="No such order" text="It is not an order of your apps.">
          <Link href={consolePaths.orders()} class="shell-primary shell-button-link desk-inline-button">
            Orders
          </Link>
        </Empty>
      </div>
    );
  }
  const failed = loaded.error !== undefined && !loaded.loading;
  if (!found || failed) {
    return (
      <div class="desk-page">
        <PageHead title="Order" back={<Back />} />
        {failed ? <Failure title="Couldn't load the order" error={loaded.error} retry={() => void loaded.reload()} /> : <Loading />}
      </div>
    );
  }
  return <Order order={found.order} app={found.app} done={done} />;
}

function Order({ order: o, app, done }: { order: OrderView; app: AppFace; done(said: string): Promise<void> }) {
  const dispute = o.dispute;
  return (
    <div class="desk-page">
      <PageHead
        title={`Order ${formatMoney(o.amount, o.currency)}`}
        back={<Back />}
        lead={<AppIcon app={app} size="large" />}
        sub={[<StatusChip label={orderStatusLabel(o.status)} testid="order-status" />, app.name, <Mono>{o.orderId}</Mono>]}
      />
      <div class="desk-columns">
        <div class="desk-column">
          <ItemsPanel order={o} />
          {o.refunds.length > 0 && <RefundsPanel order={o} done={done} />}
          {dispute && <DisputePanel order={{ ...o, dispute }} done={done} />}
        </div>
        <div class="desk-column desk-column-side">
          <ActionsPanel order={o} done={done} />
          <Panel title="About">
            <Facts
              rows={[
                ['Order id', <Copyable value={o.orderId} label="order id" />],
                !!o.outTradeNo && ['Your order number', <Mono>{o.outTradeNo}</Mono>],
                ['Placed', formatDateTime(o.createdAt)],
                ['Paid', o.paidAt ? formatDateTime(o.paidAt) : 'Not yet'],
                !!o.shippedAt && ['Shipped', formatDateTime(o.shippedAt)],
                ['Money', settlement(o)],
                !!o.note && ['Note', o.note],
              ]}
            />
          </Panel>
        </div>
      </div>
    </div>
  );
}
