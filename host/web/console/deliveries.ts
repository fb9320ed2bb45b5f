/**
 * The webhook delivery log: every event sent (or being sent) to each endpoint, newest first, with
 * its state, how many attempts it took, the last HTTP status or error and when the next retry is;
 * each attempt on request, and "Redeliver" to send it again now (as a new delivery).
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../common/format.ts';
import type { DeskContext } from '../desk/dom/context.ts';
import { actionButton, badge, empty, failure, filterChips, loading, mono, panel, type Tone } from '../desk/dom/ui.ts';
import { paymentsApi, type Attempt, type DeliveryView, type EndpointView } from './payments-api.ts';

const STATES: { status: DeliveryView['status'] | ''; text: string }[] = [
  { status: '', text: 'All' },
  { status: 'pending', text: 'Pending' },
  { status: 'delivered', text: 'Delivered' },
  { status: 'failed', text: 'Failed' },
];

const TONE: Record<DeliveryView['status'], Tone> = { pending: 'orange', delivered: 'green', failed: 'red' };
const WORD: Record<DeliveryView['status'], string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

export interface DeliveryLog {
  root: HTMLElement;
  /** Loads the log again (an endpoint was added or removed). */
  reload(endpoints: EndpointView[]): Promise<void>;
}

export function deliveryLog(ctx: DeskContext<unknown>, isAlive: () => boolean): DeliveryLog {
  let status: DeliveryView['status'] | '' = '';
  let urls = new Map<string, string>();
  let asked = 0;
  const refresh = actionButton('desk-button', 'Refresh', () => load());
  const body = el('div', 'desk-slot', loading());
  const chips = filterChips('Delivery state', STATES.map((s) => ({ value: s.status, text: s.text })), status, (s) => {
    status = s;
    void load();
  });
  const root = panel('Deliveries', el('div', 'desk-toolbar', chips, refresh), body);


  async function load(): Promise<void> {
    const n = ++asked;
    let deliveries: DeliveryView[];
    try {
      deliveries = await paymentsApi.deliveries({ status: status || undefined });
    } catch (e) {
      if (!isAlive() || n !== asked) return;
      body.replaceChildren(failure("Couldn't load the deliveries", e, () => void load()));
      return ctx.failed(e);
    }
    if (!isAlive() || n !== asked) return;
    if (!deliveries.length) return void body.replaceChildren(empty('No deliveries', status ? `No ${status} deliveries.` : 'Events are sent to your endpoints as they happen: an order paid, shipped, settled or refunded, a dispute.'));
    const list = el('div', 'desk-deliveries', ...deliveries.map(row));
    list.setAttribute('aria-label', 'Deliveries');
    list.dataset.filter = status || 'all';
    body.replaceChildren(list);
  }

  function row(d: DeliveryView): HTMLElement {
    const last = d.lastStatus !== null ? `HTTP ${d.lastStatus}` : d.lastError ? 'No answer' : '';
    const when = d.status === 'delivered' && d.deliveredAt ? `delivered ${formatDateTime(d.deliveredAt)}` : d.status === 'pending' && d.nextAttemptAt ? `next attempt ${formatDateTime(d.nextAttemptAt)}` : `since ${formatDateTime(d.createdAt)}`;
    const attempts = el('div', 'desk-slot');
    const showAttempts = actionButton('desk-button desk-button-quiet', d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`, async () => {
      if (attempts.childElementCount) return void attempts.replaceChildren();
      try {
        attempts.replaceChildren(attemptList(await paymentsApi.attempts(d.id)));
      } catch (e) {
        ctx.failed(e);
      }
    });
    showAttempts.disabled = d.attempts === 0;
    const redeliver = actionButton('desk-button', 'Redeliver', async () => {
      try {
        await paymentsApi.redeliver(d.id);
      } catch (e) {
        return ctx.failed(e);
      }
      ctx.ui.toast({ title: 'Sending it again', icon: 'success', durationMs: 1500 });
      await load();
    });
    redeliver.setAttribute('aria-label', `Redeliver ${d.eventType}`);
    const item = el(
      'div',
      'desk-delivery',
      el(
        'div',
        'desk-delivery-head',
        el('span', 'desk-delivery-type', d.eventType),
        badge(WORD[d.status], TONE[d.status]),
        ...(last ? [el('span', 'desk-muted', last)] : []),
        el('span', 'desk-muted desk-delivery-when', when),
      ),
      el('div', 'desk-delivery-to', 'to ', mono(urls.get(d.endpointId) ?? d.endpointId)),
      ...(d.lastError ? [el('div', 'desk-row-alert', d.lastError)] : []),
      el('div', 'desk-action-buttons', showAttempts, ...(d.status === 'pending' ? [] : [redeliver])),
      attempts,
    );
    item.dataset.testid = `delivery-${d.id}`;
    item.dataset.event = d.eventType;
    item.dataset.status = d.status;
    return item;
  }

  return {
    root,
    reload(endpoints) {
      urls = new Map(endpoints.map((e) => [e.id, e.url]));
      return load();
    },
  };
}

function attemptList(attempts: Attempt[]): HTMLElement {
  const list = el(
    'ol',
    'desk-attempts',
    ...attempts.map((a) => el('li', 'desk-attempt', el('span', 'desk-nowrap', formatDateTime(a.at)), el('span', '', a.status !== null ? `HTTP ${a.status}` : 'No answer'), el('span', 'desk-muted', `${a.durationMs} ms`), ...(a.error ? [el('span', 'desk-row-alert', a.error)] : []))),
  );
  list.setAttribute('aria-label', 'Attempts');
  return list;
}
