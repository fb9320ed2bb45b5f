/**
 * What one load of data is doing, as signals a component reads: the data, the failure, whether a
 * load is on its way. Starting a load abandons the one before (its fetch is aborted and its answer
 * ignored), and so does disposing, so an answer never lands on a page that has gone. No DOM, so
 * it is tested in Node; `useResource` is its hook.
 */
import { batch, signal } from '@preact/signals';

export class Loader<T> {
  readonly data = signal<T | undefined>(undefined);
  /** The last load's failure, cleared when the next one starts. */
  readonly error = signal<unknown>(undefined);
  readonly loading = signal(false);
  #current: AbortController | null = null;

  /** @param failed hears every failure of a load that was not abandoned (a toast, or sign in again). */
  constructor(private readonly failed: (e: unknown) => void = () => {}) {}

  /** Loads anew; the data shown so far stays until the answer replaces it. */
  run(load: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#current?.abort();
    const mine = (this.#current = new AbortController());
    batch(() => {
      this.loading.value = true;
      this.error.value = undefined;
    });
    return load(mine.signal).then(
      (data) => {
        if (mine.signal.aborted) return;
        batch(() => {
          this.data.value = data;
          this.loading.value = false;
        });
      },
      (e: unknown) => {
        if (mine.signal.aborted) return;
        batch(() => {
          this.error.value = e;
          this.loading.value = false;
        });
        this.failed(e);
      },
    );
  }

  /** Replaces the data without asking (an action answered with the new state). */
  set(data: T): void {
    this.data.value = data;
  }

  dispose(): void {
    this.#current?.abort();
    this.#current = null;
  }
}
