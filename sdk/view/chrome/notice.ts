/**
 * A full-page notice over a mini-program's page: "the program stopped", with the host's reason and
 * what the user can do next.
 */
import { button, el } from './el.ts';

export interface NoticeOptions {
  prefix: string;
  title: string;
  actions: { text: string; primary?: boolean; onClick(): void }[];
}

export interface Notice {
  root: HTMLElement;
  /** Shows the notice with this explanation (and another title), or hides it with null. */
  show(message: string | null, title?: string): void;
}

export function createNotice(o: NoticeOptions): Notice {
  const p = o.prefix;
  const heading = el('div', `${p}-sheet-title`, o.title);
  const text = el('p', `${p}-sheet-note`);
  const buttons = o.actions.map((a) => button(a.primary ? `${p}-primary` : `${p}-secondary`, a.onClick, a.text));
  const root = el('div', `${p}-sheet ${p}-ended`, el('div', `${p}-ended-icon`), heading, text, el('div', `${p}-ended-actions`, ...buttons));
  root.setAttribute('role', 'alert');
  root.hidden = true;
  return {
    root,
    show(message, title) {
      root.hidden = message === null;
      heading.textContent = title ?? o.title;
      text.textContent = message ?? '';
    },
  };
}
