/**
 * A console's account page, the same in both consoles: change the password (other devices are
 * signed out, this one stays) or sign out everywhere. It lives at `<home>/account`.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { auth, formMessage, isSignedOut } from '../common/http.ts';
import type { DeskContext, Page } from './context.ts';
import { field, formError, input, note, pageHead, panel } from './ui.ts';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export const accountPath = (home: string): string => `${home}/account`;

export function accountPage<R>(ctx: DeskContext<R>, o: { signedOutEverywhere(): void }): Page {
  const current = input({ name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true, maxLength: 256 });
  const next = input({ name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minLength: 10, maxLength: 256 });
  const again = input({ name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true, maxLength: 256 });
  const error = formError();
  const save = el('button', 'shell-primary desk-inline-button', 'Change password');
  save.type = 'submit';
  const form = el(
    'form',
    'desk-form',
    note('Other devices signed in to this account are signed out. This one stays signed in.'),
    field('Current password', current),
    field('New password', next, 'At least 10 characters.'),
    field('Repeat the new password', again),
    error,
    el('div', 'desk-form-actions', save),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void change();
  });

  async function change(): Promise<void> {
    error.say(null);
    if (next.value !== again.value) return error.say('The two new passwords are different.');
    save.disabled = true;
    try {
      await auth.changePassword(current.value, next.value);
    } catch (e) {
      save.disabled = false;
      if (isSignedOut(e)) return ctx.failed(e);
      return error.say(formMessage(e, LABELS));
    }
    save.disabled = false;
    form.reset();
    ctx.ui.toast({ title: 'Password changed', icon: 'success', durationMs: 1500 });
  }

  const everywhere = button('desk-button', () => {
    const d = ctx.ui.dialog({ kind: 'modal', title: 'Sign out of all devices?', content: 'Every browser and tool signed in to this account is signed out, this one too.', confirmText: 'Sign out everywhere' });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await auth.signOutEverywhere();
      } catch (e) {
        return ctx.failed(e);
      }
      o.signedOutEverywhere();
    });
  }, 'Sign out of all devices');

  const root = el(
    'div',
    'desk-page desk-page-narrow',
    pageHead('Your account', { sub: [`${ctx.account.displayName} · ${ctx.account.email}`] }),
    el('div', 'desk-slot', panel('Password', form), panel('Sessions', note('Signed in somewhere you no longer use, or lost a laptop? End every session of this account.'), el('div', 'desk-form-actions', everywhere))),
  );
  queueMicrotask(() => current.focus({ preventScroll: true }));
  return { el: root, title: 'Your account' };
}
