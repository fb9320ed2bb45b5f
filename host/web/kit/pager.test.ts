import { describe, expect, it, vi } from 'vitest';
import { Pager, type PageOf } from './pager.ts';

/** A page fetcher whose answers the test gives, one call at a time. */
function pages() {
  const calls: { after: string | null; signal: AbortSignal; answer(page: PageOf<string, string>): void; fail(e: unknown): void }[] = [];
  const fetchPage = vi.fn((after: string | null, signal: AbortSignal) => new Promise<PageOf<string, string>>((answer, fail) => calls.push({ after, signal, answer, fail })));
  return { calls, fetchPage };
}

const id = (s: string) => s;

describe('a paged list', () => {
  it('asks once when "Older" is tapped twice while the page is on its way, and shows its rows once', async () => {
    const { calls, fetchPage } = pages();
    const pager = new Pager(fetchPage, id);
    void pager.reset();
    calls[0]!.answer({ items: ['a', 'b'], next: 'b' });
    await Promise.resolve();
    const first = pager.more();
    const second = pager.more();
    expect(second).toBe(first);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    calls[1]!.answer({ items: ['c', 'd'], next: null });
    await first;
    expect(pager.items.value).toEqual(['a', 'b', 'c', 'd']);
    expect(pager.done.value).toBe(true);
    await pager.more();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('pages on from where the last page ended, and never appends a row it shows already', async () => {
    const { calls, fetchPage } = pages();
    const pager = new Pager(fetchPage, id);
    void pager.reset();
    calls[0]!.answer({ items: ['a', 'b'], next: 'b' });
    await Promise.resolve();
    const more = pager.more();
    expect(calls[1]!.after).toBe('b');
    calls[1]!.answer({ items: ['b', 'c'], next: 'c' });
    await more;
    expect(pager.items.value).toEqual(['a', 'b', 'c']);
  });

  it('drops a page that comes after a reset or after the list has gone', async () => {
    const { calls, fetchPage } = pages();
    const pager = new Pager(fetchPage, id);
    void pager.reset();
    void pager.reset();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.answer({ items: ['stale'], next: null });
    calls[1]!.answer({ items: ['fresh'], next: 'fresh' });
    await Promise.resolve();
    await Promise.resolve();
    expect(pager.items.value).toEqual(['fresh']);
    void pager.more();
    pager.dispose();
    calls[2]!.answer({ items: ['late'], next: null });
    await Promise.resolve();
    expect(pager.items.value).toEqual(['fresh']);
  });

  it('keeps the rows it has when a page fails, says so, and asks for the same page again', async () => {
    const { calls, fetchPage } = pages();
    const failed = vi.fn();
    const pager = new Pager(fetchPage, id, failed);
    void pager.reset();
    calls[0]!.answer({ items: ['a'], next: 'a' });
    await Promise.resolve();
    const boom = new Error('offline');
    const more = pager.more();
    calls[1]!.fail(boom);
    await more;
    expect(failed).toHaveBeenCalledWith(boom);
    expect(pager.error.value).toBe(boom);
    expect(pager.items.value).toEqual(['a']);
    void pager.more();
    expect(calls[2]!.after).toBe('a');
  });

  it('reloads from the first page keeping the rows shown until it comes, then shows only it', async () => {
    const { calls, fetchPage } = pages();
    const pager = new Pager(fetchPage, id);
    void pager.reset();
    calls[0]!.answer({ items: ['b', 'c'], next: 'c' });
    await Promise.resolve();
    const older = pager.more();
    const reload = pager.reload();
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(calls[2]!.after).toBeNull();
    expect(pager.items.value).toEqual(['b', 'c']);
    expect(pager.started.value).toBe(true);
    calls[1]!.answer({ items: ['d'], next: null });
    calls[2]!.answer({ items: ['a', 'b'], next: 'b' });
    await older;
    await reload;
    expect(pager.items.value).toEqual(['a', 'b']);
    expect(pager.done.value).toBe(false);
    void pager.more();
    expect(calls[3]!.after).toBe('b');
  });
});
