/** @jsxImportSource preact */
/**
 * The payment PIN entry of the sheets, the WeChat Pay way: six boxes that fill with dots and a
 * number pad under them; the sixth digit submits. A real (masked) input sits over the boxes, so a
 * keyboard, a password manager's "no" and assistive technology all work too; it asks phones not
 * to raise their own keyboard (`inputmode=none`), the pad is there. It takes the focus when it
 * appears: mount a fresh one (a new `key`) to empty it after a wrong PIN.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { FormError, useForm } from '../../kit/index.ts';
import { pinDigits } from '../pay-state.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'delete'];

export interface PinPadProps {
  label: string;
  /** The host is being asked: no input until it answers. */
  busy?: boolean;
  onComplete(pin: string): void;
}

export function PinPad({ label, busy = false, onComplete }: PinPadProps) {
  const pin = useSignal('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);

  function type(text: string): void {
    if (busy) return;
    pin.value = pinDigits(text);
    if (pin.value.length === 6) onComplete(pin.value);
  }

  return (
    <div class="shell-pin">
      <label class="shell-pin-boxes">
        <input
          ref={input}
          class="shell-pin-input"
          type="password"
          inputMode="none"
          autocomplete="off"
          maxLength={6}
          spellcheck={false}
          aria-label={label}
          readOnly={busy}
          value={pin.value}
          onInput={(e) => {
            type(e.currentTarget.value);
            // What was typed but is no digit stays out of the box.
            e.currentTarget.value = pin.value;
          }}
        />
        {Array.from({ length: 6 }, (_, i) => (
          <span class={i < pin.value.length ? 'shell-pin-box shell-pin-filled' : 'shell-pin-box'} />
        ))}
      </label>
      <div class="shell-keypad" role="group" aria-label="Number pad">
        {KEYS.map((k) => {
          if (!k) return <span class="shell-key shell-key-blank" />;
          if (k === 'delete') return <button type="button" class="shell-key shell-key-delete" aria-label="Delete" disabled={busy} onClick={() => type(pin.value.slice(0, -1))} />;
          return (
            <button type="button" class="shell-key" disabled={busy} onClick={() => type(pin.value + k)}>
              {k}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export interface PinEntryProps {
  label: string;
  /** Why the PIN is asked for again, when the sheet comes back to it. */
  message?: string;
  busy: boolean;
  /** Sends a complete PIN: what to say when it is to be entered again, or null when the sheet moved on. */
  send(pin: string): Promise<string | null>;
}

/** The pad with the line under it: a wrong PIN (or no answer) empties the pad and says why. */
export function PinEntry({ label, message, busy, send }: PinEntryProps) {
  const form = useForm();
  const attempt = useSignal(0);
  useLayoutEffect(() => form.say(message ?? null), []);
  return (
    <>
      <PinPad
        key={attempt.value}
        label={label}
        busy={busy}
        onComplete={(pin) => {
          form.say(null);
          void send(pin).then((again) => {
            if (again === null) return;
            form.say(again);
            attempt.value++;
          });
        }}
      />
      <FormError form={form} />
    </>
  );
}
