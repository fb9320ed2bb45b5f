/** @jsxImportSource preact */
/**
 * The form kit: `useForm` holds a form's message and whether it is sending (form-state.ts);
 * `<Form>` sends on submit, once at a time; `<FormError>` shows the message; `<Submit>` is the
 * button, disabled while sending. Throw `Invalid` from the action for a rule of the form.
 *
 * @example
 * const form = useForm({ reason: 'Reason' });
 * <Form form={form} onSubmit={async () => { if (reason.value.length < 4) throw new Invalid('Give a reason.'); await save(); }}>
 *   <TextArea label="Reason" … /><FormError form={form} /><Submit form={form} class="shell-primary">Save</Submit>
 * </Form>
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { FormState } from './form-state.ts';
import { useSite } from './site.tsx';

export { FormState, Invalid } from './form-state.ts';

/**
 * A form's state, with a lost sign-in handed to the site; `signsIn` for the forms where a 401 is
 * the form's own answer (a wrong password).
 */
export function useForm(labels: Record<string, string> = {}, o: { signsIn?: boolean } = {}): FormState {
  const { failed } = useSite();
  return useMemo(() => new FormState(labels, o.signsIn ? undefined : failed), []);
}

export interface FormProps {
  form: FormState;
  onSubmit(): Promise<void>;
  class?: string;
  /** Our own rules report in the message; the browser's bubbles only where a form asks for them. */
  validate?: boolean;
  children: ComponentChildren;
  testid?: string;
}

export function Form({ form, onSubmit, class: cls, validate = false, children, testid }: FormProps) {
  return (
    <form
      class={cls}
      noValidate={!validate}
      data-testid={testid}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSubmit);
      }}
    >
      {children}
    </form>
  );
}

/** The form's message, hidden until there is something to say. */
export function FormError({ form }: { form: FormState }) {
  const message = form.error.value;
  return (
    <div class="shell-form-error" role="alert" hidden={message === null}>
      {message}
    </div>
  );
}

export function Submit({ form, class: cls, children }: { form: FormState; class: string; children: ComponentChildren }) {
  return (
    <button type="submit" class={cls} disabled={form.busy.value}>
      {children}
    </button>
  );
}

/** A button outside any form that runs `action` once at a time, disabled while it runs. */
export function ActionButton({ form, class: cls, action, children }: { form: FormState; class: string; action(): Promise<void>; children: ComponentChildren }) {
  return (
    <button type="button" class={cls} disabled={form.busy.value} onClick={() => void form.submit(action)}>
      {children}
    </button>
  );
}
