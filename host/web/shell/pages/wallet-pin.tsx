/** @jsxImportSource preact */
/** The wallet's payment PIN: whether it is set (or the wallet locked), and the form to set or change it. */
import { useSignal, type Signal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { bind, Form, FormError, Invalid, Submit, TextInput, useForm, useSite } from '../../kit/index.ts';
import type { Wallet } from '../api.ts';

export interface PinSettingsProps {
  pin: Wallet['pin'];
  /** The form is open (the page opens it too, when a withdrawal needs a PIN first). */
  editing: Signal<boolean>;
  /** The PIN was saved: the page reloads the wallet, which says so. */
  saved(): Promise<void>;
}

export function PinSettings({ pin: { hasPin, lockedUntil }, editing, saved }: PinSettingsProps) {
  const state = lockedUntil ? `Locked after too many wrong PINs, until ${formatDateTime(lockedUntil)}` : hasPin ? 'Set. You enter it to confirm every payment.' : 'Not set. You need one to pay.';
  return (
    <>
      <div class="shell-list">
        <div class="shell-row shell-static-row">
          <span class="shell-row-text">
            <span class="shell-row-title">{hasPin ? 'PIN is set' : 'No PIN yet'}</span>
            <span class="shell-row-sub">{state}</span>
          </span>
          {!editing.value && (
            <button type="button" class="shell-pill-button" onClick={() => (editing.value = true)}>
              {hasPin ? 'Change PIN' : 'Set PIN'}
            </button>
          )}
        </div>
      </div>
      {editing.value && (
        <PinForm
          change={hasPin}
          cancel={() => (editing.value = false)}
          saved={async () => {
            await saved();
            editing.value = false;
          }}
        />
      )}
    </>
  );
}

/** A six-digit PIN field. */
function PinInput({ label, name, focus, value }: { label: string; name: string; focus?: boolean; value: Signal<string> }) {
  return <TextInput label={label} focus={focus} name={name} type="password" inputMode="numeric" autocomplete="off" required minLength={6} maxLength={6} pattern="\d{6}" placeholder="6 digits" {...bind(value)} />;
}

function PinForm({ change, cancel, saved }: { change: boolean; cancel(): void; saved(): Promise<void> }) {
  const { ui } = useSite();
  const form = useForm({ pin: change ? 'New PIN' : 'PIN', currentPin: 'Current PIN' });
  const current = useSignal('');
  const next = useSignal('');
  const again = useSignal('');

  async function save(): Promise<void> {
    if (!/^\d{6}$/.test(next.value)) throw new Invalid('A payment PIN is 6 digits.');
    if (next.value !== again.value) throw new Invalid('The two PINs are different.');
    await must(api.POST('/api/wallet/pin', { body: change ? { pin: next.value, currentPin: current.value } : { pin: next.value } }));
    ui.toast({ title: change ? 'PIN changed' : 'PIN set', icon: 'success', durationMs: 1500 });
    await saved();
  }

  return (
    <Form form={form} onSubmit={save} class="shell-card shell-form" testid="pin-form" validate>
      {change && <PinInput label="Current PIN" name="currentPin" focus value={current} />}
      <PinInput label={change ? 'New PIN' : 'PIN'} name="pin" focus={!change} value={next} />
      <PinInput label={change ? 'Repeat the new PIN' : 'Repeat the PIN'} name="pinAgain" value={again} />
      <FormError form={form} />
      <div class="shell-form-actions">
        <button type="button" class="shell-secondary" onClick={cancel}>
          Cancel
        </button>
        <Submit form={form} class="shell-primary shell-submit">
          Save PIN
        </Submit>
      </div>
    </Form>
  );
}
