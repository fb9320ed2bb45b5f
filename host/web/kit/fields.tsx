/** @jsxImportSource preact */
/**
 * Labelled form controls: the label names the control, a hint under it describes it
 * (aria-describedby) without becoming part of its name. The site's look gives the classes.
 *
 * @example
 * const note = useSignal('');
 * <TextArea label="Note" hint="Both sides see it." {...bind(note)} />
 */
import type { Signal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useSite } from './site.tsx';

/** A text control's value kept in a signal: `<TextInput label="Email" {...bind(email)} />`. */
export function bind(s: Signal<string>) {
  return { value: s, onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => (s.value = e.currentTarget.value) };
}

interface Labelled {
  label: string;
  hint?: string;
}

/** `focus`: the control takes the focus when it appears (the first field of a page's form). */
function useFocus<E extends HTMLElement>(focus: boolean | undefined) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}

/** A label and a hint around any control; `children` gets the id and description to put on it. */
export function Field({ label, hint, hidden, children }: Labelled & { hidden?: boolean; children: (control: { id: string; 'aria-describedby'?: string }) => ComponentChildren }) {
  const { look } = useSite();
  const id = useId();
  return (
    <div class={look.field} hidden={hidden}>
      <label class="shell-field-label" for={id}>
        {label}
      </label>
      {children({ id, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) })}
      {hint && (
        <span class={look.hint} id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

export function TextInput({ label, hint, focus, ...input }: Labelled & { focus?: boolean } & JSX.IntrinsicElements['input']) {
  const { look } = useSite();
  const ref = useFocus<HTMLInputElement>(focus);
  return <Field label={label} hint={hint}>{(control) => <input class={look.input} {...input} {...control} ref={ref} />}</Field>;
}

export function TextArea({ label, hint, focus, ...textarea }: Labelled & { focus?: boolean } & JSX.IntrinsicElements['textarea']) {
  const { look } = useSite();
  const ref = useFocus<HTMLTextAreaElement>(focus);
  return <Field label={label} hint={hint}>{(control) => <textarea class={look.textarea} rows={3} {...textarea} {...control} ref={ref} />}</Field>;
}

export interface Choice {
  value: string;
  text: string;
}

/** A select of `options`; with no label it stands alone (a toolbar's filter), named by `aria-label`. */
export function Select({ label, hint, options, ...select }: Partial<Labelled> & { options: Choice[] } & JSX.IntrinsicElements['select']) {
  const { look } = useSite();
  const control = (extra: object) => (
    <select class={look.select} {...select} {...extra}>
      {options.map((o) => (
        <option value={o.value}>{o.text}</option>
      ))}
    </select>
  );
  return label ? <Field label={label} hint={hint}>{control}</Field> : control({});
}
