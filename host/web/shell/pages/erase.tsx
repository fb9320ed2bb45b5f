/** @jsxImportSource preact */
/**
 * Me › Erase account: what erasing does, the password again, and the button. The host refuses
 * while money is still in play and says why; the page shows that as it is.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { bind, Form, FormError, Submit, TextInput, useForm, useSite } from '../../kit/index.ts';
import { useWho } from '../account.ts';
import { mePaths } from '../router.ts';
import { SubPage } from '../sub-page.tsx';

export function ErasePage() {
  return (
    <SubPage title="Erase account" back={mePaths.me} backText="Me" here={mePaths.erase} what="account">
      {() => <Erase />}
    </SubPage>
  );
}

function Erase() {
  const { ui, router } = useSite();
  const { setAccount } = useWho();
  const form = useForm({ password: 'Password' });
  const password = useSignal('');

  async function erase(): Promise<void> {
    await must(api.POST('/api/me/erase', { body: { password: password.value } }));
    setAccount(null);
    ui.toast({ title: 'Your account was erased', icon: 'success', durationMs: 2500 });
    router.navigate('/', { replace: true });
  }

  return (
    <>
      <p class="shell-section-note">This cannot be undone. Download your data first if you want to keep it.</p>
      <Form form={form} onSubmit={erase} class="shell-card shell-form" testid="erase-form" validate>
        <ul class="shell-erase-list">
          <li>You are signed out everywhere, and this email and password stop working.</li>
          <li>What mini-programs stored for you, and what you allowed them, is deleted.</li>
          <li>Your name and email are removed. Merchants keep their record of your orders, without them.</li>
          <li>Your wallet must be empty and your orders settled first.</li>
        </ul>
        <TextInput label="Password" name="password" type="password" autocomplete="current-password" required maxLength={256} {...bind(password)} />
        <FormError form={form} />
        <div class="shell-form-actions">
          <Submit form={form} class="shell-primary shell-submit shell-danger-button">
            Erase my account
          </Submit>
        </div>
      </Form>
    </>
  );
}
