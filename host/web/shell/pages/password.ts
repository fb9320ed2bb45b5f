/**
 * Me › Password: change it with the current one. Every other device signed in to the account is
 * signed out; this one stays signed in.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formMessage } from '../../common/http.ts';
import { api } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { errorLine, field, submitting } from '../form.ts';
import { mePaths } from '../router.ts';
import { signInFirst, subFrame } from '../sub-page.ts';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function passwordPage(ctx: ShellContext): Page {
  const { router, ui } = ctx;
  const frame = subFrame(router, { title: 'Password', back: mePaths.me, backText: 'Me' });
  const page: Page = { el: frame.root, title: 'Password · Atrium' };
  if (!ctx.account) {
    frame.body.append(signInFirst(router, mePaths.password, 'account'));
    return page;
  }

  const current = field('Current password', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true, maxLength: 256 });
  const next = field('New password', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minLength: 10, maxLength: 256 }, 'At least 10 characters.');
  const again = field('Repeat the new password', { name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true, maxLength: 256 });
  const error = errorLine();
  const save = el('button', 'shell-primary shell-submit', 'Change password');
  save.type = 'submit';
  const form = el('form', 'shell-card shell-form', current.root, next.root, again.root, error, el('div', 'shell-form-actions', save));
  form.dataset.testid = 'password-form';
  frame.body.append(el('p', 'shell-section-note', 'Other devices signed in to your account will be signed out. This one stays signed in.'), form);

  submitting(form, save, async () => {
    error.say(null);
    if (next.input.value !== again.input.value) return error.say('The two new passwords are different.');
    try {
      await api.changePassword(current.input.value, next.input.value);
    } catch (e) {
      return error.say(formMessage(e, LABELS));
    }
    ui.toast({ title: 'Password changed', icon: 'success', durationMs: 1500 });
    router.navigate(mePaths.me, { replace: true });
  });
  queueMicrotask(() => current.input.focus({ preventScroll: true }));
  return page;
}
