/**
 * Live sessions over HTTP, as the shell meets them: how a session the sandbox stopped answers,
 * and how many sessions one user may hold and open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionTopic, type ShellMessage } from '../../host/sessions/index.ts';
import { rawProgram } from '../support/programs.ts';
import { testDatabases } from '../support/databases.ts';
import { startSessionsHost, type SessionsHost } from './sessions-host.ts';

const counter = rawProgram({
  'pages/index': `{
    data: { n: 0 },
    add() { this.setData({ n: this.data.n + 1 }); },
    // One builtin the interrupt handler never reaches: only the watchdog can stop it.
    stall() { new Array(3e7).join('x'); },
    render() { return { type: 'view', props: {}, children: ['n=' + this.data.n] }; },
  }`,
});

describe.each(testDatabases())('sessions over HTTP on $name', (tdb) => {
  let host: SessionsHost;
  beforeAll(async () => {
    host = await startSessionsHost(tdb);
    await host.publish('counter', counter);
  });
  afterAll(() => host?.close());

  describe('a session stopped by the watchdog', () => {
    it('answers the event that stalled it with 410 session_ended, naming cpu_exceeded', async () => {
      const user = await host.user();
      const { sessionId } = await (await user.open('counter')).json();
      const res = await user.event(sessionId, 'stall');
      expect(res.status).toBe(410);
      expect((await res.json()).error).toMatchObject({ code: 'session_ended', details: { reason: 'cpu_exceeded' } });
    });

    it('answers later events with the same 410 and reason, not 404', async () => {
      const user = await host.user();
      const { sessionId } = await (await user.open('counter')).json();
      await user.event(sessionId, 'stall');
      const later = await user.event(sessionId, 'add');
      expect(later.status).toBe(410);
      expect((await later.json()).error).toMatchObject({ code: 'session_ended', details: { reason: 'cpu_exceeded' } });
    });
  });

  it("tells a user in a toast when a restart of the sandbox lost what their session was waiting for", async () => {
    await host.publish('asker', rawProgram({
      'pages/index': `{
        async ask() { await globalThis.__atrium.call('ui.showModal', { title: 'Sure?' }); },
        render() { return { type: 'view', props: {}, children: ['ready'] }; },
      }`,
    }));
    const user = await host.user();
    const { sessionId } = await (await user.open('asker')).json();
    const heard: ShellMessage[] = [];
    await host.bus.subscribe<ShellMessage>(sessionTopic(sessionId), null, (m) => heard.push(m.data));
    // The dialog waits for the user: the program's host call is pending when the shard restarts.
    await user.event(sessionId, 'ask');
    const other = await host.user();
    const stalled = await (await other.open('counter')).json();
    await other.event(stalled.sessionId, 'stall');
    await expect.poll(() => heard.some((m) => m.kind === 'toast' && /restarted/.test(m.title)), { timeout: 5000 }).toBe(true);
    expect((await user.event(sessionId, 'ask')).status).toBe(200);
  });

  it('answers events on a session the user closed with 410 session_ended', async () => {
    const user = await host.user();
    const { sessionId } = await (await user.open('counter')).json();
    expect((await user.close(sessionId)).status).toBe(200);
    const res = await user.event(sessionId, 'add');
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe('session_ended');
  });

  it("keeps another user's ended session not found", async () => {
    const owner = await host.user();
    const stranger = await host.user();
    const { sessionId } = await (await owner.open('counter')).json();
    await owner.event(sessionId, 'stall');
    expect((await stranger.event(sessionId, 'add')).status).toBe(404);
  });

  describe('with at most 2 live sessions per user and 4 opens a minute', () => {
    let limited: SessionsHost;
    beforeAll(async () => {
      limited = await startSessionsHost(tdb, { manager: { sessionsPerUser: 2, opensPerMinute: 4 } });
      await limited.publish('counter', counter);
    });
    afterAll(() => limited?.close());

    it("refuses a user's third live session with 429 quota_exceeded and a message saying what to do", async () => {
      const user = await limited.user();
      expect((await user.open('counter')).status).toBe(200);
      expect((await user.open('counter')).status).toBe(200);
      const third = await user.open('counter');
      expect(third.status).toBe(429);
      expect((await third.json()).error).toMatchObject({ code: 'quota_exceeded', message: expect.stringMatching(/Close one to open another/) });
    });

    it('refuses opens sent all at once beyond the cap, not only one after another', async () => {
      const user = await limited.user();
      const statuses = (await Promise.all([1, 2, 3].map(() => user.open('counter')))).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 429]);
    });

    it('lets a user open again once they closed a session', async () => {
      const user = await limited.user();
      const { sessionId } = await (await user.open('counter')).json();
      await user.open('counter');
      await user.close(sessionId);
      expect((await user.open('counter')).status).toBe(200);
    });

    it("counts each user's sessions apart", async () => {
      const busy = await limited.user();
      await busy.open('counter');
      await busy.open('counter');
      expect((await (await limited.user()).open('counter')).status).toBe(200);
    });

    it('refuses a fifth open within a minute with 429 rate_limited and says when to retry', async () => {
      const user = await limited.user();
      for (let i = 0; i < 4; i++) {
        const { sessionId } = await (await user.open('counter')).json();
        await user.close(sessionId);
      }
      const fifth = await user.open('counter');
      expect(fifth.status).toBe(429);
      expect((await fifth.json()).error.code).toBe('rate_limited');
      expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
