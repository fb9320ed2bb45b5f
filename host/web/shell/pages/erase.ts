/**
 * Me › Erase account: what erasing does, the password again, and the button. The host refuses
 * while money is still in play and says why; the page shows that as it is.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formMessage } from '../../common/http.ts';
import { api } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { errorLine, field, submitting } from '../form.ts';
import { mePaths } from '../router.ts';
import { signInFirst, subFrame } from '../sub-page.ts';

export function erasePage(ctx: ShellContext): Page {
  const { router, ui } = ctx;
  const frame = subFrame(router, { title: 'Erase account', back: mePaths.me, backText: 'Me' });
  const page: Page = { el: frame.root, title: 'Erase account · Atrium' };
  if (!ctx.account) {
    frame.body.append(signInFirst(router, mePaths.erase, 'account'));
    return page;
  }

  const what = el(
    'ul',
    'shell-erase-list',
    el('li', '', 'You are signed out everywhere, and this email and password stop working.'),
    el('li', '', 'What mini-programs stored for you, and what you allowed them, is deleted.'),
    el('li', '', 'Your name and email are removed. Merchants keep their record of your orders, without them.'),
    el('li', '', 'Your wallet must be empty and your orders settled first.'),
  );
  const password = field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxLength: 256 });
  const error = errorLine();
  const erase = el('button', 'shell-primary shell-submit shell-danger-button', 'Erase my account');
  erase.type = 'submit';
  const form = el('form', 'shell-card shell-form', what, password.root, error, el('div', 'shell-form-actions', erase));
  form.dataset.testid = 'erase-form';
  frame.body.append(el('p', 'shell-section-note', 'This cannot be undone. Download your data first if you want to keep it.'), form);

  submitting(form, erase, async () => {
    error.say(null);
    try {
      await api.erase(password.input.value);
    } catch (e) {
      return error.say(formMessage(e, { password: 'Password' }));
    }
    ctx.setAccount(null);
    ui.toast({ title: 'Your account was erased', icon: 'success', durationMs: 2500 });
    router.navigate('/', { replace: true });
  });
  return page;
}
