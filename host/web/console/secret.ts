/**
 * An app secret, shown the one time the host gives it out (a new app, a rotated secret), with a
 * copy button and a plain warning: it is never shown again.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import type { AppSecret } from './api.ts';
import { copyable, facts } from '../desk/dom/ui.ts';

/**
 * A secret the host gives out once: what it is, the copy controls, and the warning that this is
 * the only time, with what to do with it.
 */
export function shownOnce(title: HTMLElement | string, content: HTMLElement, advice: string, testid: string): HTMLElement {
  const box = el(
    'div',
    'desk-secret',
    typeof title === 'string' ? el('div', 'desk-secret-title', title) : title,
    content,
    el('p', 'desk-secret-warning', el('strong', '', 'Copy it now: this is the only time Atrium shows it. '), advice),
  );
  box.setAttribute('role', 'alert');
  box.dataset.testid = testid;
  return box;
}

export function secretReveal(secret: AppSecret, title = 'Your app secret'): HTMLElement {
  return shownOnce(
    title,
    facts([
      ['App id', copyable(secret.appId, 'app id', 'app-id')],
      ['App secret', copyable(secret.appSecret, 'app secret', 'app-secret')],
    ]),
    'Keep it on your server, never in a mini-program or a public repository. Your backend uses it to exchange login codes and to check webhook signatures. If it is lost or leaked, rotate it.',
    'secret-once',
  );
}
