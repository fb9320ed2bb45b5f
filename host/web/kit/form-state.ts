/**
 * A form's state as signals: the message under it and whether it is being sent. `submit` runs an
 * action once at a time and turns what goes wrong into the message: a rule of the form (`Invalid`)
 * as it is written, the host's refusal with each field named as the form labels it, a lost sign-in
 * handed to the site (which shows the sign-in page). No DOM, so it is tested in Node.
 */
import { batch, signal } from '@preact/signals';
import { formMessage, isSignedOut } from '../common/http.ts';

/** A form's own rule broken: its message is shown as it is. */
export class Invalid extends Error {
  override readonly name = 'Invalid';
}

export class FormState {
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);

  /**
   * @param labels the form's label for each field the host may name (`{ note: 'Note' }`)
   * @param signedOut hears a failure that means nobody is signed in any more; without it (a form
   *   that signs in, where 401 is a wrong password) that failure is shown like any other
   */
  constructor(
    private readonly labels: Record<string, string> = {},
    private readonly signedOut?: (e: unknown) => void,
  ) {}

  /** Runs `action` unless one is running; resolves true when it went through. */
  async submit(action: () => Promise<void>): Promise<boolean> {
    if (this.busy.value) return false;
    batch(() => {
      this.busy.value = true;
      this.error.value = null;
    });
    try {
      await action();
      return true;
    } catch (e) {
      if (this.signedOut && isSignedOut(e)) this.signedOut(e);
      else this.error.value = e instanceof Invalid ? e.message : formMessage(e, this.labels);
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** Shows a message (or clears it with null) without sending anything. */
  say(message: string | null): void {
    this.error.value = message;
  }
}
