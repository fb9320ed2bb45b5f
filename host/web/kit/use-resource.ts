/**
 * Data a component loads: `useResource(load, deps)` loads when the component mounts and again
 * when `deps` change, abandons a load whose answer would come too late (a newer one, or the
 * component gone), and reports failures to the site. No `alive` flags in pages.
 *
 * @example
 * const queue = useResource((signal) => must(api.GET('/api/admin/reviews', { signal })), []);
 * if (queue.data) return <Rows items={queue.data.items} />;
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { Loader } from './loader.ts';
import { useSite } from './site.tsx';

export interface Resource<T> {
  /** The last answer; kept while a newer load is on its way. */
  readonly data: T | undefined;
  /** The last load's failure, or undefined. */
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again, keeping what is shown until the answer comes. */
  reload(): Promise<void>;
  /** Shows `data` without asking (an action answered with the new state). */
  set(data: T): void;
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const { failed } = useSite();
  const loader = useMemo(() => new Loader<T>(failed), []);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    void loader.run((signal) => latest.current(signal));
  }, deps);
  useEffect(() => () => loader.dispose(), []);
  return {
    data: loader.data.value,
    error: loader.error.value,
    loading: loader.loading.value,
    reload: () => loader.run((signal) => latest.current(signal)),
    set: (data) => loader.set(data),
  };
}
