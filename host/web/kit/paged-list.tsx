/** @jsxImportSource preact */
/**
 * A list loaded a page at a time with an "Older" button under it (statements, orders, the audit
 * log). `usePager` starts from the first page on mount and whenever `deps` change; `<PagedList>`
 * draws the rows, the loading, failure and empty states, and the button, which asks for one page
 * at a time however often it is tapped (see pager.ts).
 *
 * @example
 * const log = usePager((before, signal) => fetchEntries(before, signal), (e) => e.id, [filter]);
 * <PagedList pager={log} as="ol" class="desk-audit-list" empty={<Empty title="Nothing yet" text="…" />}
 *   failure="Couldn't load the log" end="The beginning of the log.">{(e) => <Entry entry={e} />}</PagedList>
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { Pager, type FetchPage } from './pager.ts';
import { useSite } from './site.tsx';
import { Failure, Loading } from './states.tsx';

export type { FetchPage, PageOf } from './pager.ts';

export function usePager<T, C>(fetchPage: FetchPage<T, C>, key: (item: T) => string, deps: readonly unknown[]): Pager<T, C> {
  const { failed } = useSite();
  const latest = useRef(fetchPage);
  latest.current = fetchPage;
  const pager = useMemo(() => new Pager<T, C>((after, signal) => latest.current(after, signal), key, failed), []);
  useEffect(() => {
    void pager.reset();
  }, deps);
  useEffect(() => () => pager.dispose(), []);
  return pager;
}

export interface PagedListProps<T, C> {
  pager: Pager<T, C>;
  children: (item: T) => VNode;
  /** The list element and its class; a table takes `head`, its header row, and each item is a row. */
  as?: 'ol' | 'ul' | 'div' | 'table';
  class?: string;
  head?: VNode;
  /** The list's name for assistive technology. */
  label?: string;
  /** Shown when the first page is empty. */
  empty: ComponentChildren;
  /** The title of the failure shown when the first page cannot be loaded. */
  failure: string;
  /** The line under the last page; none without it. */
  end?: string;
  /** The button's words. */
  more?: string;
}

export function PagedList<T, C>({ pager, children, as: List = 'ol', class: cls, head, label, empty, failure, end, more = 'Older' }: PagedListProps<T, C>) {
  const { look } = useSite();
  const items = pager.items.value;
  if (!pager.started.value) {
    return pager.error.value !== undefined && !pager.loading.value ? <Failure title={failure} error={pager.error.value} retry={() => void pager.reset()} /> : <Loading />;
  }
  if (!items.length) return <>{empty}</>;
  return (
    <>
      {List === 'table' ? (
        <table class={cls} aria-label={label}>
          {head && <thead>{head}</thead>}
          <tbody>{items.map(children)}</tbody>
        </table>
      ) : (
        <List class={cls} aria-label={label}>
          {items.map(children)}
        </List>
      )}
      {pager.done.value ? (
        end && <p class={look.end}>{end}</p>
      ) : (
        <button type="button" class={look.more} disabled={pager.loading.value} onClick={() => void pager.more()}>
          {more}
        </button>
      )}
    </>
  );
}
