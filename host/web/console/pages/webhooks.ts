/**
 * Webhooks: the merchant's endpoints (add one with its URL and the events it wants, its signing
 * secret shown once; remove one) and the delivery log below.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formMessage, isSignedOut } from '../../common/http.ts';
import { formatDateTime } from '../../common/format.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { actionButton, copyable, empty, failure, field, formError, input, loading, mono, note, pageHead, panel } from '../../desk/dom/ui.ts';
import { deliveryLog } from '../deliveries.ts';
import { shownOnce } from '../secret.ts';
import { eventNames, eventTypes, paymentsApi, type EndpointView, type WebhookEventType } from '../payments-api.ts';
import type { ConsoleRoute } from '../routes.ts';

export function webhooksPage(ctx: DeskContext<ConsoleRoute>): Page {
  let alive = true;
  const list = el('div', 'desk-slot', loading());
  const secret = el('div', 'desk-slot');
  const log = deliveryLog(ctx, () => alive);
  const root = el(
    'div',
    'desk-page',
    pageHead('Webhooks', { sub: ['Atrium tells your server when orders are paid, shipped, settled or refunded, and about disputes: signed POSTs, retried for about a day.'] }),
    el('div', 'desk-columns', el('div', 'desk-column', panel('Endpoints', secret, list), log.root), el('div', 'desk-column desk-column-side', addPanel())),
  );
  void load();

  async function load(): Promise<void> {
    let endpoints: EndpointView[];
    try {
      endpoints = await paymentsApi.endpoints();
    } catch (e) {
      if (!alive) return;
      list.replaceChildren(failure("Couldn't load your endpoints", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    const active = endpoints.filter((e) => e.enabled);
    list.replaceChildren(active.length ? el('div', 'desk-endpoints', ...active.map(row)) : empty('No endpoints', 'Add one to have Atrium call your server when something happens to an order.'));
    // Removed endpoints keep their deliveries: the log still names them.
    await log.reload(endpoints);
  }

  function row(e: EndpointView): HTMLElement {
    const events = e.events.includes('*') ? [el('span', 'desk-chip', 'Every event')] : e.events.map((t) => el('span', 'desk-chip', t));
    const remove = button('desk-button desk-button-danger', () => {
      const d = ctx.ui.dialog({ kind: 'modal', title: 'Remove this endpoint?', content: `${e.url}\nAtrium stops sending it events. Deliveries already made stay in the log.`, confirmText: 'Remove' });
      void d.answer.then(async (yes) => {
        if (!yes) return;
        try {
          await paymentsApi.removeEndpoint(e.id);
        } catch (err) {
          return ctx.failed(err);
        }
        ctx.ui.toast({ title: 'Removed', icon: 'success', durationMs: 1500 });
        secret.replaceChildren();
        await load();
      });
    }, 'Remove');
    remove.setAttribute('aria-label', `Remove ${e.url}`);
    const item = el('div', 'desk-action-row', el('div', 'desk-action-text', mono(e.url), el('div', 'desk-changes', ...events), el('span', 'desk-muted', `Added ${formatDateTime(e.createdAt)}`)), remove);
    item.dataset.testid = `endpoint-${e.id}`;
    return item;
  }

  function addPanel(): HTMLElement {
    const url = input({ name: 'url', type: 'url', required: true, maxLength: 2000, placeholder: 'https://example.com/atrium/webhooks', spellcheck: false });
    const boxes = eventTypes.map((t) => {
      const box = el('input', '');
      box.type = 'checkbox';
      box.value = t;
      return el('label', 'desk-check-option', box, el('span', '', el('span', 'desk-mono', t), ' ', el('span', 'desk-muted', eventNames[t].summary)));
    });
    const events = el('fieldset', 'desk-reason-row desk-events', el('legend', 'desk-legend', 'Events'), note('Tick none for every event, including types added later.'), ...boxes);
    const error = formError();
    const add = actionButton('shell-primary desk-inline-button', 'Add endpoint', async () => {
      error.say(null);
      const chosen = boxes.map((b) => b.querySelector('input')!).filter((b) => b.checked).map((b) => b.value as WebhookEventType);
      let made: EndpointView & { secret: string };
      try {
        made = await paymentsApi.addEndpoint({ url: url.value.trim(), ...(chosen.length ? { events: chosen } : {}) });
      } catch (e) {
        if (isSignedOut(e)) return ctx.failed(e);
        return error.say(formMessage(e, { url: 'URL', events: 'Events' }));
      }
      url.value = '';
      for (const b of boxes) b.querySelector('input')!.checked = false;
      secret.replaceChildren(secretOnce(made));
      await load();
    });
    return panel('Add an endpoint', field('URL', url, 'An https:// address on your server.'), events, error, el('div', 'desk-form-actions', add));
  }

  return {
    el: root,
    title: 'Webhooks',
    unmount() {
      alive = false;
    },
  };
}

/** The endpoint's signing secret, the one time the host gives it out. */
function secretOnce(e: EndpointView & { secret: string }): HTMLElement {
  return shownOnce(
    el('div', 'desk-secret-title', 'Signing secret for ', mono(e.url)),
    copyable(e.secret, 'signing secret', 'webhook-secret'),
    'Your server checks each request’s webhook-signature header with it (verifyWebhook in atrium/server). If it is lost or leaked, remove the endpoint and add it again.',
    'webhook-secret-once',
  );
}
