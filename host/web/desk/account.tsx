/** @jsxImportSource preact */
/**
 * A console's account page, the same in both consoles: change the password (other devices are
 * signed out, this one stays) or sign out everywhere. It lives at `<home>/account`.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { bind, Form, FormError, Invalid, Submit, TextInput, useForm, useSite, useTitle } from '../kit/index.ts';
import { useAccount } from './account-context.ts';
import { Note, PageHead, Panel } from './ui.tsx';

export const accountPath = (home: string): string => `${home}/account`;

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function AccountPage({ signedOutEverywhere }: { signedOutEverywhere(): void }) {
  useTitle('Your account');
  const { ui, failed } = useSite();
  const account = useAccount();
  const form = useForm(LABELS);
  const current = useSignal('');
  const next = useSignal('');
  const again = useSignal('');

  async function change(): Promise<void> {
    if (next.value !== again.value) throw new Invalid('The two new passwords are different.');
    await must(api.POST('/api/me/password', { body: { currentPassword: current.value, newPassword: next.value } }));
    current.value = next.value = again.value = '';
    ui.toast({ title: 'Password changed', icon: 'success', durationMs: 1500 });
  }

  async function everywhere(): Promise<void> {
    const yes = await ui.dialog({ kind: 'modal', title: 'Sign out of all devices?', content: 'Every browser and tool signed in to this account is signed out, this one too.', confirmText: 'Sign out everywhere' }).answer;
    if (!yes) return;
    try {
      await must(api.POST('/api/me/sessions/end'));
    } catch (e) {
      return failed(e);
    }
    signedOutEverywhere();
  }

  return (
    <div class="desk-page desk-page-narrow">
      <PageHead title="Your account" sub={[`${account.displayName} · ${account.email}`]} />
      <div class="desk-slot">
        <Panel title="Password">
          <Form form={form} onSubmit={change} class="desk-form" validate>
            <Note>Other devices signed in to this account are signed out. This one stays signed in.</Note>
            <TextInput label="Current password" focus name="currentPassword" type="password" autocomplete="current-password" required maxLength={256} {...bind(current)} />
            <TextInput label="New password" hint="At least 10 characters." name="newPassword" type="password" autocomplete="new-password" required minLength={10} maxLength={256} {...bind(next)} />
            <TextInput label="Repeat the new password" name="newPasswordAgain" type="password" autocomplete="new-password" required maxLength={256} {...bind(again)} />
            <FormError form={form} />
            <div class="desk-form-actions">
              <Submit form={form} class="shell-primary desk-inline-button">
                Change password
              </Submit>
            </div>
          </Form>
        </Panel>
        <Panel title="Sessions">
          <Note>Signed in somewhere you no longer use, or lost a laptop? End every session of this account.</Note>
          <div class="desk-form-actions">
            <button type="button" class="desk-button" onClick={() => void everywhere()}>
              Sign out of all devices
            </button>
          </div>
        </Panel>
      </div>
    </div>
  );
}
