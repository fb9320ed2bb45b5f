/**
 * The frame of a page one level down from Me (Wallet, Orders, an order): a bar with the way back
 * and the title, and the scrolling body. No tab bar, as in a consumer app's inner pages.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import type { Router } from './router.ts';

export interface SubFrame {
  root: HTMLElement;
  body: HTMLElement;
  title: HTMLElement;
}

export function subFrame(router: Router, o: { title: string; back: string; backText: string }): SubFrame {
  const back = router.link(o.back, 'shell-sub-back');
  back.setAttribute('aria-label', `Back to ${o.backText}`);
  const title = el('h1', 'shell-sub-title', o.title);
  const body = el('main', 'shell-home-body shell-sub-body');
  const root = el('div', 'shell-home shell-sub', el('header', 'shell-sub-header', back, title), el('div', 'shell-home-scroll', body));
  return { root, body, title };
}

/** Asks a signed-out visitor to sign in first, coming back to `next`. */
export function signInFirst(router: Router, next: string, what: string): HTMLElement {
  return el(
    'div',
    'shell-card shell-signed-out',
    el('div', 'shell-avatar shell-avatar-large shell-avatar-empty'),
    el('div', 'shell-card-title', 'You are not signed in'),
    el('p', 'shell-card-text', `Sign in to see your ${what}.`),
    el('div', 'shell-card-actions', router.link(`/login?next=${encodeURIComponent(next)}`, 'shell-primary shell-button-link', 'Log in')),
  );
}
