import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../common/http.ts';
import { FormState, Invalid } from './form-state.ts';

describe('a form', () => {
  it('sends once at a time: a second submit while the first runs does nothing', async () => {
    const form = new FormState();
    let finish!: () => void;
    const action = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const first = form.submit(action);
    expect(form.busy.value).toBe(true);
    expect(await form.submit(action)).toBe(false);
    finish();
    expect(await first).toBe(true);
    expect(action).toHaveBeenCalledTimes(1);
    expect(form.busy.value).toBe(false);
  });

  it("shows its own rule as written, and the host's refusal with the fields named as the form labels them", async () => {
    const form = new FormState({ note: 'Note', amount: 'Amount' });
    await form.submit(async () => {
      throw new Invalid('Give a reason of at least 4 characters.');
    });
    expect(form.error.value).toBe('Give a reason of at least 4 characters.');
    await form.submit(async () => {
      throw new ApiError(400, 'invalid_request', 'note: at least 4 characters; amount: too big');
    });
    expect(form.error.value).toBe('Note: at least 4 characters\nAmount: too big');
    await form.submit(async () => {});
    expect(form.error.value).toBeNull();
  });

  it('hands a lost sign-in to the site instead of showing it', async () => {
    const signedOut = vi.fn();
    const form = new FormState({}, signedOut);
    const gone = new ApiError(401, 'unauthorized', 'Please sign in.');
    expect(await form.submit(async () => Promise.reject(gone))).toBe(false);
    expect(signedOut).toHaveBeenCalledWith(gone);
    expect(form.error.value).toBeNull();
    const signIn = new FormState({});
    await signIn.submit(async () => Promise.reject(new ApiError(401, 'unauthorized', 'Wrong email or password.')));
    expect(signIn.error.value).toBe('Wrong email or password.');
  });
});
