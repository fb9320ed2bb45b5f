import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { busFeed, createMemoryBus, lastEventIdOf, streamFeed, streamLimits } from './index.ts';

const bus = createMemoryBus();
afterAll(() => bus.close());

type Msg = { kind: 'start' | 'note' | 'end'; text: string };

function app(options: { topic: string; heartbeatMs?: number; maxQueued?: number }) {
  const a = new Hono();
  a.get('/stream', (c) =>
    streamFeed<Msg>(c, {
      feed: busFeed(bus, options.topic),
      lastEventId: lastEventIdOf(c),
      start: () => [{ kind: 'start', text: 'everything so far' }],
      event: (m) => m.kind,
      isLast: (m) => m.kind === 'end',
      heartbeatMs: options.heartbeatMs,
      maxQueued: options.maxQueued,
    }),
  );
  return a;
}

/** Reads a stream's text until `done` says it has enough, or the stream ends. */
async function readUntil(res: Response, done: (text: string) => boolean, ms = 5000): Promise<{ text: string; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (!done(text) && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!next) break;
      if (next.done) return { text, ended: true };
      text += decoder.decode(next.value, { stream: true });
    }
    return { text, ended: false };
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe('a feed streamed as server-sent events', () => {
  it('resumes after Last-Event-ID with what was missed, each message numbered by its id', async () => {
    for (const t of ['a', 'b', 'c']) await bus.publish<Msg>('s1', { kind: 'note', text: t });
    const res = await app({ topic: 's1' }).request('/stream', { headers: { 'last-event-id': '1' } });
    const { text } = await readUntil(res, (t) => ids(t).length >= 2);
    expect(ids(text)).toEqual([2, 3]);
    expect(text).toContain('event: note');
    expect(text).not.toContain('everything so far');
  });

  it('starts afresh with the whole state when the resume point is gone', async () => {
    await bus.publish<Msg>('s2', { kind: 'note', text: 'x' });
    const res = await app({ topic: 's2' }).request('/stream', { headers: { 'last-event-id': '40' } });
    const { text } = await readUntil(res, (t) => t.includes('everything so far'));
    expect(text).toContain('event: start');
    expect(ids(text)).toEqual([1]);
  });

  it('sends live messages after the start, and ends with the last one', async () => {
    const res = await app({ topic: 's3' }).request('/stream');
    setTimeout(() => void bus.publish<Msg>('s3', { kind: 'note', text: 'live' }).then(() => bus.publish<Msg>('s3', { kind: 'end', text: 'bye' })), 50);
    const { text, ended } = await readUntil(res, () => false);
    expect(ended).toBe(true);
    expect(text.indexOf('everything so far')).toBeLessThan(text.indexOf('live'));
    expect(text).toContain('event: end');
  });

  it('keeps an idle stream alive with a comment', async () => {
    const res = await app({ topic: 's4', heartbeatMs: 30 }).request('/stream');
    const { text } = await readUntil(res, (t) => t.includes(': keep-alive'));
    expect(text).toContain(': keep-alive');
  });

  it('closes the stream of a client that stops reading rather than queue for it without end', async () => {
    const res = await app({ topic: 's5', maxQueued: 5 }).request('/stream');
    // The client reads nothing while far more than the queue holds is published.
    for (let i = 0; i < 500; i++) await bus.publish<Msg>('s5', { kind: 'note', text: `n${i}`.repeat(200) });
    const { ended, text } = await readUntil(res, () => false);
    expect(ended).toBe(true);
    expect(ids(text).length).toBeLessThan(500);
  });
});

describe('streams per account', () => {
  it('refuses one past the cap with rate_limited, and counts a closed one out', () => {
    const limits = streamLimits(2);
    const first = limits.take('u1');
    limits.take('u1');
    expect(() => limits.take('u1')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    expect(() => limits.take('u2')).not.toThrow();
    first();
    first();
    expect(limits.count('u1')).toBe(1);
    expect(() => limits.take('u1')).not.toThrow();
  });
});
