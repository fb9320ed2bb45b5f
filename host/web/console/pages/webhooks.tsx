/** @jsxImportSource preact */
/**
 * Webhooks: the merchant's endpoints (add one with its URL and the events it wants, its signing
 * secret shown once; remove one) and the delivery log below.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { Copyable } from '../../desk/copy.tsx';
import { Mono, PageHead, Panel } from '../../desk/ui.tsx';
import { Empty, Loaded, Loading, useResource, useSite, useTitle } from '../../kit/index.ts';
import type { EndpointView, NewEndpoint } from '../api.ts';
import { useConfirm } from '../confirm.ts';
import { DeliveriesPanel } from '../deliveries.tsx';
import { EndpointForm } from '../endpoint-form.tsx';
import { ShownOnce } from '../secret.tsx';

export function WebhooksPage() {
  useTitle('Webhooks');
  const { ui } = useSite();
  const confirm = useConfirm();
  const endpoints = useResource(async (signal) => (await must(api.GET('/api/merchant/webhooks/endpoints', { signal }))).endpoints, []);
  const added = useSignal<NewEndpoint | null>(null);

  async function remove(e: EndpointView): Promise<void> {
    const ask = { title: 'Remove this endpoint?', content: `${e.url}\nAtrium stops sending it events. Deliveries already made stay in the log.`, confirmText: 'Remove' };
    if (!(await confirm(ask, () => must(api.DELETE('/api/merchant/webhooks/endpoints/{endpointId}', { params: { path: { endpointId: e.id } } }))))) return;
    ui.toast({ title: 'Removed', icon: 'success', durationMs: 1500 });
    added.value = null;
    await endpoints.reload();
  }

  return (
    <div class="desk-page">
      <PageHead title="Webhooks" sub={['Atrium tells your server when orders are paid, shipped, settled or refunded, and about disputes: signed POSTs, retried for about a day.']} />
      <div class="desk-columns">
        <div class="desk-column">
          <Panel title="Endpoints">
            <div class="desk-slot">{added.value && <SecretOnce endpoint={added.value} />}</div>
            <div class="desk-slot">
              <Loaded resource={endpoints} failure="Couldn't load your endpoints">
                {(all) => {
                  const active = all.filter((e) => e.enabled);
                  return active.length ? (
                    <div class="desk-endpoints">
                      {active.map((e) => (
                        <Endpoint key={e.id} endpoint={e} remove={() => void remove(e)} />
                      ))}
                    </div>
                  ) : (
                    <Empty title="No endpoints" text="Add one to have Atrium call your server when something happens to an order." />
                  );
                }}
              </Loaded>
            </div>
          </Panel>
          {endpoints.data ? (
            <DeliveriesPanel endpoints={endpoints.data} />
          ) : (
            <Panel title="Deliveries">
              <Loading />
            </Panel>
          )}
        </div>
        <div class="desk-column desk-column-side">
          <EndpointForm
            added={async (e) => {
              added.value = e;
              await endpoints.reload();
            }}
          />
        </div>
      </div>
    </div>
  );
}

function Endpoint({ endpoint: e, remove }: { endpoint: EndpointView; remove(): void }) {
  return (
    <div class="desk-action-row" data-testid={`endpoint-${e.id}`}>
      <div class="desk-action-text">
        <Mono>{e.url}</Mono>
        <div class="desk-changes">
          {(e.events.includes('*') ? ['Every event'] : e.events).map((t) => (
            <span class="desk-chip">{t}</span>
          ))}
        </div>
        <span class="desk-muted">{`Added ${formatDateTime(e.createdAt)}`}</span>
      </div>
      <button type="button" class="desk-button desk-button-danger" aria-label={`Remove ${e.url}`} onClick={remove}>
        Remove
      </button>
    </div>
  );
}

/** The endpoint's signing secret, the one time the host gives it out. */
function SecretOnce({ endpoint: e }: { endpoint: NewEndpoint }) {
  return (
    <ShownOnce
      title={
        <>
          {'Signing secret for '}
          <Mono>{e.url}</Mono>
        </>
      }
      advice="Your server checks each request’s webhook-signature header with it (verifyWebhook in atrium/server). If it is lost or leaked, remove the endpoint and add it again."
      testid="webhook-secret-once"
    >
      <Copyable value={e.secret} label="signing secret" testid="webhook-secret" />
    </ShownOnce>
  );
}
