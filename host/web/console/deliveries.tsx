/** @jsxImportSource preact */
/**
 * The webhook delivery log: every event sent (or being sent) to each endpoint, newest first, with
 * its state, how many attempts it took, the last HTTP status or error and when the next retry is;
 * each attempt on request, and "Redeliver" to send it again now (as a new delivery).
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { formatDateTime } from '../common/format.ts';
import type { Label } from '../common/orders.ts';
import { FilterChips, Mono, Panel } from '../desk/ui.tsx';
import { Empty, Loaded, StatusChip, useResource, useSite } from '../kit/index.ts';
import type { Attempt, DeliveryView, EndpointView } from './api.ts';

type Status = DeliveryView['status'];

const FILTERS: { value: Status | ''; text: string }[] = [
  { value: '', text: 'All' },
  { value: 'pending', text: 'Pending' },
  { value: 'delivered', text: 'Delivered' },
  { value: 'failed', text: 'Failed' },
];

const LABEL: Record<Status, Label> = {
  pending: { text: 'Pending', tone: 'orange' },
  delivered: { text: 'Delivered', tone: 'green' },
  failed: { text: 'Failed', tone: 'red' },
};

/**
 * `endpoints` (removed ones too: their deliveries stay in the log) name where each went; a new
 * list of them (one added or removed) loads the log again.
 */
export function DeliveriesPanel({ endpoints }: { endpoints: EndpointView[] }) {
  const status = useSignal<Status | ''>('');
  const log = useResource(async (signal) => {
    const shown = status.value;
    const { deliveries } = await must(api.GET('/api/merchant/webhooks/deliveries', { params: { query: { status: shown || undefined } }, signal }));
    return { status: shown, deliveries };
  }, [status.value, endpoints]);
  const urls = new Map(endpoints.map((e) => [e.id, e.url]));

  return (
    <Panel title="Deliveries">
      <div class="desk-toolbar">
        <FilterChips label="Delivery state" options={FILTERS} value={status.value} pick={(s) => (s === status.value ? void log.reload() : (status.value = s))} />
        <button type="button" class="desk-button" disabled={log.loading} onClick={() => void log.reload()}>
          Refresh
        </button>
      </div>
      <div class="desk-slot">
        <Loaded resource={log} failure="Couldn't load the deliveries">
          {({ status: shown, deliveries }) =>
            deliveries.length ? (
              // Which filter these rows answer, so a reader can tell the log has caught up.
              <div class="desk-deliveries" aria-label="Deliveries" data-filter={shown || 'all'}>
                {deliveries.map((d) => (
                  <Delivery key={d.id} delivery={d} url={urls.get(d.endpointId) ?? d.endpointId} redelivered={log.reload} />
                ))}
              </div>
            ) : (
              <Empty title="No deliveries" text={shown ? `No ${shown} deliveries.` : 'Events are sent to your endpoints as they happen: an order paid, shipped, settled or refunded, a dispute.'} />
            )
          }
        </Loaded>
      </div>
    </Panel>
  );
}

function Delivery({ delivery: d, url, redelivered }: { delivery: DeliveryView; url: string; redelivered(): Promise<void> }) {
  const { ui } = useSite();
  const attempts = useSignal<Attempt[] | null>(null);
  const showing = useCall();
  const sending = useCall();
  const last = d.lastStatus !== null ? `HTTP ${d.lastStatus}` : d.lastError ? 'No answer' : '';
  const when = d.status === 'delivered' && d.deliveredAt ? `delivered ${formatDateTime(d.deliveredAt)}` : d.status === 'pending' && d.nextAttemptAt ? `next attempt ${formatDateTime(d.nextAttemptAt)}` : `since ${formatDateTime(d.createdAt)}`;

  const toggleAttempts = () =>
    showing.run(async () => {
      if (attempts.value) return void (attempts.value = null);
      attempts.value = (await must(api.GET('/api/merchant/webhooks/deliveries/{deliveryId}/attempts', { params: { path: { deliveryId: d.id } } }))).attempts;
    });
  const redeliver = () =>
    sending.run(async () => {
      await must(api.POST('/api/merchant/webhooks/deliveries/{deliveryId}/redeliver', { params: { path: { deliveryId: d.id } } }));
      ui.toast({ title: 'Sending it again', icon: 'success', durationMs: 1500 });
      await redelivered();
    });

  return (
    <div class="desk-delivery" data-testid={`delivery-${d.id}`} data-event={d.eventType} data-status={d.status}>
      <div class="desk-delivery-head">
        <span class="desk-delivery-type">{d.eventType}</span>
        <StatusChip label={LABEL[d.status]} />
        {last && <span class="desk-muted">{last}</span>}
        <span class="desk-muted desk-delivery-when">{when}</span>
      </div>
      <div class="desk-delivery-to">
        {'to '}
        <Mono>{url}</Mono>
      </div>
      {d.lastError && <div class="desk-row-alert">{d.lastError}</div>}
      <div class="desk-action-buttons">
        <button type="button" class="desk-button desk-button-quiet" disabled={d.attempts === 0 || showing.busy} onClick={toggleAttempts}>
          {d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`}
        </button>
        {d.status !== 'pending' && (
          <button type="button" class="desk-button" aria-label={`Redeliver ${d.eventType}`} disabled={sending.busy} onClick={redeliver}>
            Redeliver
          </button>
        )}
      </div>
      <div class="desk-slot">{attempts.value && <Attempts attempts={attempts.value} />}</div>
    </div>
  );
}

function Attempts({ attempts }: { attempts: Attempt[] }) {
  return (
    <ol class="desk-attempts" aria-label="Attempts">
      {attempts.map((a) => (
        <li class="desk-attempt">
          <span class="desk-nowrap">{formatDateTime(a.at)}</span>
          <span>{a.status !== null ? `HTTP ${a.status}` : 'No answer'}</span>
          <span class="desk-muted">{`${a.durationMs} ms`}</span>
          {a.error && <span class="desk-row-alert">{a.error}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A button's call: one at a time, disabled while it runs, a failure handed to the site. */
function useCall() {
  const { failed } = useSite();
  const busy = useSignal(false);
  return {
    get busy() {
      return busy.value;
    },
    async run(call: () => Promise<void>): Promise<void> {
      if (busy.value) return;
      busy.value = true;
      try {
        await call();
      } catch (e) {
        failed(e);
      } finally {
        busy.value = false;
      }
    },
  };
}
