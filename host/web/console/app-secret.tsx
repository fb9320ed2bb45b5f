/** @jsxImportSource preact */
/**
 * An app's secret on its page: never shown again after the app was made, only replaced, and the
 * new one shown this once.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { Note, Panel } from '../desk/ui.tsx';
import type { AppSecret } from './api.ts';
import { useConfirm } from './confirm.ts';
import { SecretReveal } from './secret.tsx';

export function AppSecretPanel({ appId }: { appId: string }) {
  const confirm = useConfirm();
  const rotating = useSignal(false);
  const fresh = useSignal<AppSecret | null>(null);

  async function rotate(): Promise<void> {
    await confirm({ title: 'Rotate the app secret?', content: 'A new secret is made and the current one stops working at once: update your server straight after.', confirmText: 'Rotate' }, async () => {
      rotating.value = true;
      try {
        fresh.value = (await must(api.POST('/api/merchant/apps/{appId}/secret', { params: { path: { appId } } }))).secret;
      } finally {
        rotating.value = false;
      }
    });
  }

  return (
    <Panel title="App secret">
      <Note>Your server uses it to exchange login codes and check webhook signatures. Atrium showed it once, when the app was made; if it is lost or leaked, make a new one.</Note>
      <div class="desk-slot">{fresh.value && <SecretReveal secret={fresh.value} title="Your new app secret" />}</div>
      <div class="desk-form-actions">
        <button type="button" class="desk-button desk-button-danger" disabled={rotating.value} onClick={() => void rotate()}>
          Rotate secret
        </button>
      </div>
    </Panel>
  );
}
