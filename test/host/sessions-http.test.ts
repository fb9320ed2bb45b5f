/**
 * Live sessions over HTTP, as the shell meets them: how a session the sandbox stopped answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
