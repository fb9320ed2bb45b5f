/**
 * The host's navigation bar above a mini-program's page: the page title, a back button when the
 * page stack is deeper than one, and the capsule (more, close) every mini-program gets.
 */
import { button, el } from './el.ts';

export interface NavBarOptions {
  /** Class prefix of the shell that draws it (`dev`, `shell`): each keeps its own namespace. */
  prefix: string;
  onBack(): void;
  /** With handlers the capsule's halves are buttons; without, it is decoration. */
  onMore?(): void;
  onClose?(): void;
}

export interface NavBar {
  root: HTMLElement;
  set(f: { title: string; back: boolean }): void;
}

export function createNavBar(o: NavBarOptions): NavBar {
  const p = o.prefix;
  const back = button(`${p}-back`, () => o.onBack());
  back.setAttribute('aria-label', 'Back');
  back.hidden = true;
  const title = el('div', `${p}-title`);
  const more = el('span', `${p}-capsule-more`);
  const close = el('span', `${p}-capsule-close`);
  const half = (icon: HTMLElement, label: string, handler?: () => void): HTMLElement => {
    if (!handler) return icon;
    const b = button(`${p}-capsule-button`, handler, icon);
    b.setAttribute('aria-label', label);
    return b;
  };
  const capsule = el('div', `${p}-capsule`, half(more, 'More', o.onMore), el('span', `${p}-capsule-sep`), half(close, 'Close', o.onClose));
  if (!o.onMore && !o.onClose) capsule.setAttribute('aria-hidden', 'true');
  const root = el('header', `${p}-navbar`, back, title, capsule);
  return {
    root,
    set(f) {
      title.textContent = f.title;
      back.hidden = !f.back;
    },
  };
}
