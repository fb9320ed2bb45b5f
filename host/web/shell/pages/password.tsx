/** @jsxImportSource preact */
/**
 * Me › Password: change it with the current one. Every other device signed in to the account is
 * signed out; this one stays signed in.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { bind, Form, FormError, Invalid, Submit, TextInput, useForm, useSite } from '../../kit/index.ts';
import { mePaths } from '../router.ts';
import { SubPage } from '../sub-page.tsx';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function PasswordPage() {
  return (
    <SubPage title="Password" back={mePaths.me} backText="Me" here={mePaths.password} what="account">
      {() => <ChangePassword />}
    </SubPage>
  );
}

function ChangePassword() {
  const { ui, router } = useSite();
  const form = useForm(LABELS);
  const current = useSignal('');
  const next = useSignal('');
  const again = useSignal('');

  async function change(): Promise<void> {
    if (next.value !== again.value) throw new Invalid('The two new passwords are different.');
    await must(api.POST('/api/me/password', { body: { currentPassword: current.value, newPassword: next.value } }));
    ui.toast({ title: 'Password changed', icon: 'success', durationMs: 1500 });
    router.navigate(mePaths.me, { replace: true });
  }

  return (
    <>
      <p class="shell-section-note">Other devices signed in to your account will be signed out. This one stays signed in.</p>
      <Form form={form} onSubmit={change} class="shell-card shell-form" testid="password-form" validate>
        <TextInput label="Current password" focus name="currentPassword" type="password" autocomplete="current-password" required maxLength={256} {...bind(current)} />
        <TextInput label="New password" hint="At least 10 characters." name="newPassword" type="password" autocomplete="new-password" required minLength={10} maxLength={256} {...bind(next)} />
        <TextInput label="Repeat the new password" name="newPasswordAgain" type="password" autocomplete="new-password" required maxLength={256} {...bind(again)} />
        <FormError form={form} />
        <div class="shell-form-actions">
          <Submit form={form} class="shell-primary shell-submit">
            Change password
          </Submit>
        </div>
      </Form>
    </>
  );
}
