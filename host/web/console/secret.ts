/**
 * An app secret, shown the one time the host gives it out (a new app, a rotated secret), with a
 * copy button and a plain warning: it is never shown again.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import type { AppSecret } from './api.ts';
import { copyable, facts } from '../desk/ui.ts';

export function secretReveal(secret: AppSecret, title = 'Your app secret'): HTMLElement {
  const box = el(
    'div',
    'desk-secret',
    el('div', 'desk-secret-title', title),
    facts([
      ['App id', copyable(secret.appId, 'app id', 'app-id')],
      ['App secret', copyable(secret.appSecret, 'app secret', 'app-secret')],
    ]),
    el(
      'p',
      'desk-secret-warning',
      el('strong', '', 'Copy it now: this is the only time Atrium shows it. '),
      'Keep it on your server, never in a mini-program or a public repository. Your backend uses it to exchange login codes and to check webhook signatures. If it is lost or leaked, rotate it.',
    ),
  );
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'secret-once';
  return box;
}
