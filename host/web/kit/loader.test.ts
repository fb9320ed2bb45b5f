import { describe, expect, it, vi } from 'vitest';
import { Loader } from './loader.ts';

function deferred<T>() {
  let answer!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((a, f) => ((answer = a), (fail = f)));
  return { promise, answer, fail };
}

describe('a load', () => {
  it('shows the answer of the latest load only, keeping the data shown until it comes', async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    let firstSignal!: AbortSignal;
    void loader.run((s) => ((firstSignal = s), first.promise));
    const done = loader.run(() => second.promise);
    expect(firstSignal.aborted).toBe(true);
    first.answer('old');
    second.answer('new');
    await done;
    expect(loader.data.value).toBe('new');
    expect(loader.loading.value).toBe(false);
    const third = deferred<string>();
    void loader.run(() => third.promise);
    expect(loader.data.value).toBe('new');
    expect(loader.loading.value).toBe(true);
  });

  it('ignores an answer or a failure that comes after the page has gone', async () => {
    const failed = vi.fn();
    const loader = new Loader<string>(failed);
    const late = deferred<string>();
    const done = loader.run(() => late.promise);
    loader.dispose();
    late.fail(new Error('late'));
    await done;
    expect(failed).not.toHaveBeenCalled();
    expect(loader.error.value).toBeUndefined();
  });

  it('reports a failure and keeps it until the next load', async () => {
    const failed = vi.fn();
    const loader = new Loader<string>(failed);
    const boom = new Error('offline');
    await loader.run(() => Promise.reject(boom));
    expect(failed).toHaveBeenCalledWith(boom);
    expect(loader.error.value).toBe(boom);
    void loader.run(() => new Promise(() => {}));
    expect(loader.error.value).toBeUndefined();
  });
});
