/**
 * Small form parts of the shell's own pages (wallet, orders, the payment sheet): labelled fields,
 * an error line, a status pill. Built with DOM APIs; every string becomes a text node.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import { formError, labelledField } from '../common/field.ts';
import type { Label } from '../common/orders.ts';

/** A labelled text field, with an optional hint under it (its description, not part of its name). */
export function field(label: string, attrs: Partial<HTMLInputElement>, hint?: string): { root: HTMLElement; input: HTMLInputElement } {
  const input = el('input', 'shell-field-input');
  Object.assign(input, attrs);
  return { root: labelled(label, input, hint), input };
}

/** A multi-line field, labelled the same way. */
export function textField(label: string, attrs: Partial<HTMLTextAreaElement>): { root: HTMLElement; input: HTMLTextAreaElement } {
  const input = el('textarea', 'shell-field-input shell-field-textarea');
  Object.assign(input, { rows: 3, ...attrs });
  return { root: labelled(label, input), input };
}

function labelled(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return labelledField(label, control, hint, { field: 'shell-field', hint: 'shell-field-hint' });
}

/** A six-digit PIN field for the wallet's forms. */
export function pinField(label: string, name: string): { root: HTMLElement; input: HTMLInputElement } {
  return field(label, { name, type: 'password', inputMode: 'numeric', autocomplete: 'off', required: true, minLength: 6, maxLength: 6, pattern: '\\d{6}', placeholder: '6 digits' });
}

/** A form's error line, hidden until there is something to say. */
export const errorLine = formError;

/** A status in a coloured pill. */
export function statusPill(label: Label): HTMLElement {
  return el('span', `shell-status shell-status-${label.tone}`, label.text);
}

/** A submit button that runs `action` once at a time. */
export function submitting(form: HTMLFormElement, submit: HTMLButtonElement, action: () => Promise<void>): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    void action().finally(() => (submit.disabled = false));
  });
}
