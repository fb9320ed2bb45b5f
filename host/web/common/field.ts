import { el } from '../../../sdk/view/chrome/index.ts';

let ids = 0;

/**
 * A form control with its label and an optional hint under it; the hint describes the control
 * (aria-describedby) without becoming part of its name. `look` adds the classes of the page it
 * is on: the shell's fields and the consoles' differ only in spacing.
 */
export function labelledField(label: string, control: HTMLElement, hint: string | undefined, look: { field: string; hint: string }): HTMLElement {
  control.id ||= `field-${++ids}`;
  const l = el('label', 'shell-field-label', label);
  l.htmlFor = control.id;
  if (!hint) return el('div', look.field, l, control);
  const h = el('span', look.hint, hint);
  h.id = `${control.id}-hint`;
  control.setAttribute('aria-describedby', h.id);
  return el('div', look.field, l, control, h);
}

/** A form's error line, hidden until there is something to say. */
export function formError(): HTMLElement & { say(message: string | null): void } {
  const e = el('div', 'shell-form-error');
  e.setAttribute('role', 'alert');
  e.hidden = true;
  return Object.assign(e, {
    say(message: string | null) {
      e.hidden = message === null;
      e.textContent = message ?? '';
    },
  });
}
