/**
 * A list loaded a page at a time ("Older"), as signals: the items so far, whether a page is on its
 * way, whether the end was reached. Asking for more while a page is on its way returns that same
 * page (a double tap asks once), items already shown are never appended again, and a reset, a
 * reload or a dispose abandons the page on its way. No DOM, so it is tested in Node; `usePager` is its hook.
 */
import { batch, signal } from '@preact/signals';

/** One page: its items, and where the next starts (null at the end). */
export interface PageOf<T, C> {
  items: T[];
  next: C | null;
}

export type FetchPage<T, C> = (after: C | null, signal: AbortSignal) => Promise<PageOf<T, C>>;

export class Pager<T, C> {
  readonly items = signal<T[]>([]);
  readonly loading = signal(false);
  /** The first page has come. */
  readonly started = signal(false);
  readonly done = signal(false);
  /** The last page's failure, cleared when the next is asked for. */
  readonly error = signal<unknown>(undefined);
  #next: C | null = null;
  #current: { controller: AbortController; promise: Promise<void> } | null = null;

  constructor(
    private readonly fetchPage: FetchPage<T, C>,
    private readonly key: (item: T) => string,
    private readonly failed: (e: unknown) => void = () => {},
  ) {}

  /** From the first page again (the filter changed), dropping what was shown. */
  reset(): Promise<void> {
    this.#current?.controller.abort();
    this.#current = null;
    this.#next = null;
    batch(() => {
      this.items.value = [];
      this.started.value = false;
      this.done.value = false;
    });
    return this.more();
  }

  /** The next page; while one is on its way, that one. */
  more(): Promise<void> {
    if (this.#current) return this.#current.promise;
    if (this.done.value) return Promise.resolve();
    return this.#load(this.#next, false);
  }

  /**
   * The first page again, with what is shown kept until it comes and then replaced (the list
   * changed where it begins: a new line on a statement). A page on its way is abandoned.
   */
  reload(): Promise<void> {
    this.#current?.controller.abort();
    this.#current = null;
    return this.#load(null, true);
  }

  #load(after: C | null, replace: boolean): Promise<void> {
    const controller = new AbortController();
    batch(() => {
      this.loading.value = true;
      this.error.value = undefined;
    });
    const promise = this.fetchPage(after, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        this.#current = null;
        this.#next = page.next;
        const shown = new Set(replace ? [] : this.items.value.map(this.key));
        batch(() => {
          this.items.value = [...(replace ? [] : this.items.value), ...page.items.filter((item) => !shown.has(this.key(item)))];
          this.started.value = true;
          this.done.value = page.next === null;
          this.loading.value = false;
        });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        this.#current = null;
        batch(() => {
          this.error.value = e;
          this.loading.value = false;
        });
        this.failed(e);
      },
    );
    this.#current = { controller, promise };
    return promise;
  }

  dispose(): void {
    this.#current?.controller.abort();
    this.#current = null;
  }
}
