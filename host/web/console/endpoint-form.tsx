/** @jsxImportSource preact */
/** Adding a webhook endpoint: its URL, and the events it wants (none ticked: every event, later ones too). */
import { useSignal } from '@preact/signals';
import { eventNames, eventTypes, type EventType } from '../../../sdk/contract/event-names.ts';
import { api, must } from '../api/client.ts';
import { Note, Panel } from '../desk/ui.tsx';
import { Form, FormError, Submit, TextInput, useForm } from '../kit/index.ts';
import type { NewEndpoint } from './api.ts';

export function EndpointForm({ added }: { added(endpoint: NewEndpoint): Promise<void> }) {
  const form = useForm({ url: 'URL', events: 'Events' });
  const url = useSignal('');
  const chosen = useSignal<ReadonlySet<EventType>>(new Set());

  async function add(): Promise<void> {
    const events = eventTypes.filter((t) => chosen.value.has(t));
    const { endpoint } = await must(api.POST('/api/merchant/webhooks/endpoints', { body: { url: url.value.trim(), ...(events.length ? { events } : {}) } }));
    url.value = '';
    chosen.value = new Set();
    await added(endpoint);
  }

  function tick(t: EventType, on: boolean): void {
    const next = new Set(chosen.value);
    if (on) next.add(t);
    else next.delete(t);
    chosen.value = next;
  }

  return (
    <Panel title="Add an endpoint">
      <Form form={form} onSubmit={add}>
        <TextInput label="URL" hint="An https:// address on your server." name="url" type="url" required maxLength={2000} placeholder="https://example.com/atrium/webhooks" spellcheck={false} value={url} onInput={(e) => (url.value = e.currentTarget.value)} />
        <fieldset class="desk-reason-row desk-events">
          <legend class="desk-legend">Events</legend>
          <Note>Tick none for every event, including types added later.</Note>
          {eventTypes.map((t) => (
            <label class="desk-check-option">
              <input type="checkbox" value={t} checked={chosen.value.has(t)} onChange={(e) => tick(t, e.currentTarget.checked)} />
              <span>
                <span class="desk-mono">{t}</span> <span class="desk-muted">{eventNames[t].summary}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormError form={form} />
        <div class="desk-form-actions">
          <Submit form={form} class="shell-primary desk-inline-button">
            Add endpoint
          </Submit>
        </div>
      </Form>
    </Panel>
  );
}
