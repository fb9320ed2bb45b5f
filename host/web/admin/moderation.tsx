/** @jsxImportSource preact */
/**
 * An admin's powers over an app, each with a reason for the merchant and the audit log: suspend
 * (out of the directory, live sessions end) or reinstate, and grant or withdraw the licence a
 * restricted category needs. Each opens a small form in place.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { Facts, Note, Panel } from '../desk/ui.tsx';
import { Form, FormError, Invalid, Submit, TextArea, useForm, useSite } from '../kit/index.ts';
import type { AppView } from './api.ts';

interface Power {
  /** The button that opens the form. */
  open: string;
  explain: string;
  confirm: string;
  danger: boolean;
  /** Does it; says what was done. */
  run(reason: string): Promise<string>;
}

function powersOver(app: AppView): Power[] {
  const path = { appId: app.id };
  return [
    app.status === 'active'
      ? {
          open: 'Suspend',
          explain: `${app.name} leaves the directory at once, its live sessions end with a notice, and links to it show a suspended page with your reason.`,
          confirm: 'Suspend app',
          danger: true,
          run: async (reason) => {
            const { endedSessions: n } = await must(api.POST('/api/admin/apps/{appId}/suspend', { params: { path }, body: { reason } }));
            return `Suspended; ${n} live ${n === 1 ? 'session' : 'sessions'} ended`;
          },
        }
      : {
          open: 'Reinstate',
          explain: `${app.name} returns to the directory with the version released before, and its merchant can release again.`,
          confirm: 'Reinstate app',
          danger: false,
          run: async (reason) => (await must(api.POST('/api/admin/apps/{appId}/reinstate', { params: { path }, body: { reason } })), 'Reinstated'),
        },
    app.licensed
      ? {
          open: 'Withdraw licence',
          explain: 'Versions in a restricted category will fail the category check from now on.',
          confirm: 'Withdraw licence',
          danger: true,
          run: async (reason) => (await must(api.POST('/api/admin/apps/{appId}/licence', { params: { path }, body: { granted: false, reason } })), 'Licence withdrawn'),
        }
      : {
          open: 'Grant licence',
          explain: 'Lets the app trade in a restricted category; its versions pass the category check.',
          confirm: 'Grant licence',
          danger: false,
          run: async (reason) => (await must(api.POST('/api/admin/apps/{appId}/licence', { params: { path }, body: { granted: true, reason } })), 'Licence granted'),
        },
  ];
}

export function ModerationPanel({ app, done }: { app: AppView; done(): Promise<void> }) {
  const open = useSignal<Power | null>(null);
  const powers = powersOver(app);
  return (
    <Panel title="Moderation">
      <Facts
        rows={[
          ['State', app.status === 'suspended' ? `Suspended: ${app.suspendedReason ?? 'no reason given'}` : 'Active'],
          ['Restricted-category licence', app.licensed ? 'Granted' : 'None'],
        ]}
      />
      <div class="desk-form-actions">
        {powers.map((p) => (
          <button type="button" class={`desk-button${p.danger ? ' desk-button-danger' : ''}`} onClick={() => (open.value = p)}>
            {p.open}
          </button>
        ))}
      </div>
      <div class="desk-slot">
        {open.value && (
          <PowerForm
            key={open.value.open}
            power={open.value}
            cancel={() => (open.value = null)}
            done={async () => {
              open.value = null;
              await done();
            }}
          />
        )}
      </div>
    </Panel>
  );
}

function PowerForm({ power: p, cancel, done }: { power: Power; cancel(): void; done(): Promise<void> }) {
  const { ui } = useSite();
  const form = useForm({ reason: 'Reason' });
  const reason = useSignal('');
  async function go(): Promise<void> {
    const why = reason.value.trim();
    if (why.length < 4) throw new Invalid('Give a reason of at least 4 characters.');
    ui.toast({ title: await p.run(why), icon: 'success', durationMs: 2000 });
    await done();
  }
  return (
    <Form form={form} onSubmit={go} class="desk-inline-form" testid="moderation-form">
      <Note>{p.explain}</Note>
      <TextArea label="Reason" focus name="reason" required minLength={4} maxLength={1000} placeholder="Shown to the merchant and kept in the audit log." value={reason} onInput={(e) => (reason.value = e.currentTarget.value)} />
      <FormError form={form} />
      <div class="desk-form-actions">
        <Submit form={form} class={p.danger ? 'desk-button desk-button-danger-solid' : 'shell-primary desk-inline-button'}>
          {p.confirm}
        </Submit>
        <button type="button" class="desk-button desk-button-quiet" onClick={cancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
