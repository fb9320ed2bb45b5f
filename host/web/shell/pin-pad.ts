/**
 * The payment PIN entry of the payment sheet, the WeChat Pay way: six boxes that fill with dots
 * and a number pad under them; the sixth digit submits. A real (masked) input sits over the boxes,
 * so a keyboard, a password manager's "no" and assistive technology all work too; it asks phones
 * not to raise their own keyboard (`inputmode=none`), the pad is there.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { pinDigits } from './pay-state.ts';

export interface PinPad {
  root: HTMLElement;
  /** Empties the boxes (after a wrong PIN) and takes input again. */
  reset(): void;
  /** Stops (true) or allows (false) input, while the host is asked. */
  busy(on: boolean): void;
  focus(): void;
}

export function pinPad(o: { label: string; onComplete(pin: string): void }): PinPad {
  const input = el('input', 'shell-pin-input');
  Object.assign(input, { type: 'password', inputMode: 'none', autocomplete: 'off', maxLength: 6, spellcheck: false });
  input.setAttribute('aria-label', o.label);
  const boxes = Array.from({ length: 6 }, () => el('span', 'shell-pin-box'));
  const field = el('label', 'shell-pin-boxes', input, ...boxes);
  let busy = false;

  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'del'].map((k) => {
    if (k === '') return el('span', 'shell-key shell-key-blank');
    if (k === 'del') {
      const b = button('shell-key shell-key-delete', () => type(input.value.slice(0, -1)));
      b.setAttribute('aria-label', 'Delete');
      return b;
    }
    return button('shell-key', () => type(input.value + k), k);
  });
  const keypad = el('div', 'shell-keypad', ...keys);
  keypad.setAttribute('role', 'group');
  keypad.setAttribute('aria-label', 'Number pad');
  input.addEventListener('input', () => type(input.value));

  function type(text: string): void {
    if (busy) return;
    const pin = pinDigits(text);
    input.value = pin;
    boxes.forEach((b, i) => b.classList.toggle('shell-pin-filled', i < pin.length));
    if (pin.length === 6) o.onComplete(pin);
  }

  function setBusy(on: boolean): void {
    busy = on;
    input.readOnly = on;
    for (const k of keys) if (k instanceof HTMLButtonElement) k.disabled = on;
  }

  return {
    root: el('div', 'shell-pin', field, keypad),
    reset() {
      setBusy(false);
      type('');
      input.focus({ preventScroll: true });
    },
    busy: setBusy,
    focus: () => input.focus({ preventScroll: true }),
  };
}
