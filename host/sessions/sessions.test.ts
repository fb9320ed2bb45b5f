import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AtriumError, type Manifest } from '../../sdk/contract/index.ts';
import { Runtime } from '../../runtime/index.ts';
import { rawProgram } from '../../test/support/programs.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { assembleHostApi, uiBridge } from '../bridge/index.ts';
import { createMemoryBus, type Bus } from '../realtime/index.ts';
import { migrate, type Db } from '../db/index.ts';
import { appsMigrations, createAppsService, type AppsService } from '../modules/apps/index.ts';
import { createStorageService, storageBridge, storageMigrations } from '../modules/storage/index.ts';
import { createConsents, createPrompts, createSessionManager, sessionsMigrations, sessionTopic, type SessionManager, type ShellMessage } from './index.ts';
import type { SessionManagerDeps } from './manager.ts';

const view = (children: string) => `{ type: 'view', props: {}, children: [${children}] }`;
const program = rawProgram({
  'pages/index': `{
    data: { n: 0, saved: '', name: '', err: '' },
    add() { this.setData({ n: this.data.n + 1 }); },
    async save() { await globalThis.__atrium.call('storage.set', { key: 'n', value: this.data.n }); const r = await globalThis.__atrium.call('storage.get', { key: 'n' }); this.setData({ saved: String(r.value) }); },
    async who() { try { const p = await globalThis.__atrium.call('auth.getUserProfile'); this.setData({ name: p.nickname }); } catch (e) { this.setData({ err: e.code }); } },
    async ask() { const r = await globalThis.__atrium.call('ui.showModal', { title: 'Sure?' }); this.setData({ name: r.confirm ? 'yes' : 'no' }); },
    render() { return ${view(`'n=' + this.data.n, ' saved=' + this.data.saved, ' name=' + this.data.name, ' err=' + this.data.err`)}; },
  }`,
});
const manifest: Manifest = {
  name: 'Counter', version: '1.0.0', pages: ['pages/index'], network: { domains: [] },
  permissions: { userInfo: { reason: 'to greet you by your name' } },
  window: { background: '#f5f5f5' },
};

function text(frame: { view?: unknown }): string {
  const v = frame.view as { children: string[] };
  return v.children.join('');
}

describe.each(testDatabases())('live sessions on $name', (tdb) => {
  let db: Db<any>;
  let runtime: Runtime;
  let bus: Bus;
  let sessions: SessionManager;
  let apps: AppsService;
  let deps: SessionManagerDeps;
  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [appsMigrations, storageMigrations, sessionsMigrations]);
    runtime = await Runtime.create({ shards: 1 });
    bus = createMemoryBus();
    apps = createAppsService(db.kysely);
    await apps.createApp({ id: 'counter', merchantId: 'm1', name: 'Counter', category: 'tools', description: 'counts' });
    await apps.publish('counter', { manifest, bundle: program, assets: [] });
    const prompts = createPrompts(bus);
    deps = {
      db: db.kysely,
      runtime,
      apps,
      bus,
      prompts,
      consents: createConsents(db.kysely),
      openid: (appId, userId) => `openid-${appId}-${userId}`,
      idleMs: 1000,
      implementation: assembleHostApi(
        { ui: uiBridge(bus, prompts) },
        { storage: storageBridge(createStorageService(db.kysely)) },
        {
        auth: {
          login: async () => ({ code: 'c' }),
          getUserProfile: async (ctx) => ({ nickname: `user ${ctx.userId}`, avatarUrl: 'https://example.com/a.png' }),
          getPhoneNumber: async () => { throw new AtriumError('not_implemented'); },
        },
        },
      ),
    };
    sessions = createSessionManager(deps);
  });
  afterAll(async () => {
    await runtime.shutdown();
    await db.close();
  });

  /** Answers the next prompt of a session the way a user in the shell would. */
  async function answerNext(sessionId: string, userId: string, value: boolean, kind: 'modal' | 'consent') {
    let answered = false;
    const sub = await bus.subscribe<ShellMessage>(sessionTopic(sessionId), null, (m) => {
      if (m.data.kind === kind && !answered) {
        answered = true;
        sub.close();
        void sessions.answer(userId, sessionId, m.data.promptId, value);
      }
    });
  }

  it('opens the released version and returns its first frame', async () => {
    const o = await sessions.open('u1', 'counter');
    expect(o.app).toMatchObject({ id: 'counter', name: 'Counter', version: '1.0.0' });
    expect(text(o.frame)).toBe('n=0 saved= name= err=');
  });

  it('sends events to the page and answers with the new frame', async () => {
    const o = await sessions.open('u1', 'counter');
    const f = await sessions.event('u1', o.sessionId, { handler: 'add', type: 'tap' });
    expect(text(f)).toContain('n=1');
  });

  it('publishes view changes on the session topic', async () => {
    const o = await sessions.open('u1', 'counter');
    const got: ShellMessage[] = [];
    await bus.subscribe<ShellMessage>(sessionTopic(o.sessionId), null, (m) => got.push(m.data));
    await sessions.event('u1', o.sessionId, { handler: 'add', type: 'tap' });
    expect(got.some((m) => m.kind === 'frame' && m.update.patches)).toBe(true);
  });

  it('keeps storage per user in the database', async () => {
    const o = await sessions.open('u2', 'counter');
    await sessions.event('u2', o.sessionId, { handler: 'add', type: 'tap' });
    await sessions.event('u2', o.sessionId, { handler: 'save', type: 'tap' });
    await waitFor(async () => text(await sessions.frame('u2', o.sessionId)).includes('saved=1'));
    const row = await db.kysely.selectFrom('storage_items').where('user_id', '=', 'u2').selectAll().executeTakeFirst();
    expect(row?.value).toBe('1');
  });

  it('never lets one user reach another user\'s session', async () => {
    const o = await sessions.open('u1', 'counter');
    await expect(sessions.event('u3', o.sessionId, { handler: 'add', type: 'tap' })).rejects.toMatchObject({ code: 'not_found' });
    expect(text(await sessions.frame('u1', o.sessionId))).toContain('n=0');
  });

  it('asks for consent in a host-drawn prompt and remembers the answer', async () => {
    const o = await sessions.open('u4', 'counter');
    await answerNext(o.sessionId, 'u4', true, 'consent');
    await sessions.event('u4', o.sessionId, { handler: 'who', type: 'tap' });
    await waitFor(async () => text(await sessions.frame('u4', o.sessionId)).includes('name=user u4'));
    // Asked once: the second call goes through without a prompt.
    await sessions.event('u4', o.sessionId, { handler: 'add', type: 'tap' });
    await sessions.event('u4', o.sessionId, { handler: 'who', type: 'tap' });
    await waitFor(async () => text(await sessions.frame('u4', o.sessionId)).includes('n=1'));
    expect(text(await sessions.frame('u4', o.sessionId))).toContain('name=user u4');
  });

  it('refuses personal data when the user declines', async () => {
    const o = await sessions.open('u5', 'counter');
    await answerNext(o.sessionId, 'u5', false, 'consent');
    await sessions.event('u5', o.sessionId, { handler: 'who', type: 'tap' });
    await waitFor(async () => text(await sessions.frame('u5', o.sessionId)).includes('err=consent_denied'));
  });

  it('waits for the user to answer a dialog', async () => {
    const o = await sessions.open('u6', 'counter');
    await answerNext(o.sessionId, 'u6', true, 'modal');
    await sessions.event('u6', o.sessionId, { handler: 'ask', type: 'tap' });
    await waitFor(async () => text(await sessions.frame('u6', o.sessionId)).includes('name=yes'));
  });

  it('evicts an idle session to a snapshot and brings it back on the next event', async () => {
    const o = await sessions.open('u7', 'counter');
    await sessions.event('u7', o.sessionId, { handler: 'add', type: 'tap' });
    const before = sessions.liveCount();
    expect(await sessions.evictIdle(Date.now() + 60_000)).toBeGreaterThanOrEqual(1);
    expect(sessions.liveCount()).toBeLessThan(before);
    const f = await sessions.event('u7', o.sessionId, { handler: 'add', type: 'tap' });
    expect(text(f)).toContain('n=2');
  });

  it('goes on counting frames where it stopped when brought back, so a shell does not take the new frames for old ones', async () => {
    const o = await sessions.open('u7b', 'counter');
    let last = o.frame.seq;
    for (let i = 0; i < 3; i++) last = (await sessions.event('u7b', o.sessionId, { handler: 'add', type: 'tap' })).seq;
    await sessions.evictIdle(Date.now() + 60_000);
    const back = await sessions.event('u7b', o.sessionId, { handler: 'add', type: 'tap' });
    expect(back.seq).toBeGreaterThan(last);
    expect(text(back)).toContain('n=4');
  });

  it('brings an evicted session back on the version it ran, though a newer one was released since', async () => {
    const saying = (what: string) => rawProgram({ 'pages/index': `{ noop() {}, render() { return { type: 'view', props: {}, children: ['${what}'] }; } }` });
    await apps.createApp({ id: 'versioned', merchantId: 'm1', name: 'Versioned', category: 'tools', description: 'v' });
    await apps.publish('versioned', { manifest: { ...manifest, name: 'Versioned' }, bundle: saying('first'), assets: [] });
    const o = await sessions.open('u11', 'versioned');
    await sessions.evictIdle(Date.now() + 60_000);
    await apps.publish('versioned', { manifest: { ...manifest, name: 'Versioned', version: '2.0.0' }, bundle: saying('second'), assets: [] });
    expect(text(await sessions.event('u11', o.sessionId, { handler: 'noop', type: 'tap' }))).toBe('first');
    expect(text((await sessions.open('u11', 'versioned')).frame)).toBe('second');
  });

  it('starts an evicted session once when two requests for it arrive at the same moment', async () => {
    const o = await sessions.open('u7c', 'counter');
    await sessions.evictIdle(Date.now() + 60_000);
    const guests = async () => (await runtime.stats()).reduce((n, s) => n + s.sessions, 0);
    const before = await guests();
    const frames = await Promise.all([
      sessions.event('u7c', o.sessionId, { handler: 'add', type: 'tap' }),
      sessions.event('u7c', o.sessionId, { handler: 'add', type: 'tap' }),
    ]);
    expect(await guests()).toBe(before + 1);
    expect(frames.map(text).sort()).toEqual([expect.stringContaining('n=1'), expect.stringContaining('n=2')]);
  });

  it("drops a session's topic once the session has ended, keeping none of its messages", async () => {
    const o = await sessions.open('u7d', 'counter');
    await sessions.event('u7d', o.sessionId, { handler: 'add', type: 'tap' });
    expect(await bus.lastId(sessionTopic(o.sessionId))).toBeGreaterThan(0);
    await sessions.close('u7d', o.sessionId);
    expect(await bus.lastId(sessionTopic(o.sessionId))).toBe(0);
  });

  it('does not bring back an evicted session for another user', async () => {
    const o = await sessions.open('u8', 'counter');
    await sessions.evictIdle(Date.now() + 60_000);
    await expect(sessions.event('u9', o.sessionId, { handler: 'add', type: 'tap' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a dialog still waiting for an answer to a shell that connects afresh', async () => {
    const o = await sessions.open('u10', 'counter');
    await sessions.event('u10', o.sessionId, { handler: 'ask', type: 'tap' });
    const open = await sessions.openPrompts('u10', o.sessionId);
    expect(open).toMatchObject([{ kind: 'modal', title: 'Sure?' }]);
    await sessions.answer('u10', o.sessionId, open[0]!.promptId, false);
    expect(await sessions.openPrompts('u10', o.sessionId)).toEqual([]);
  });

  it('tells the shell the page background the manifest asks for', async () => {
    const o = await sessions.open('u1', 'counter');
    expect(o.app.background).toBe('#f5f5f5');
  });

  it('refuses to open an app that does not exist', async () => {
    await expect(sessions.open('u1', 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  describe('with sessions kept warm', () => {
    let warm: SessionManager;
    beforeAll(async () => {
      for (const id of ['warm-a', 'warm-b']) {
        await apps.createApp({ id, merchantId: 'm1', name: id, category: 'tools', description: 'counts' });
        await apps.publish(id, { manifest, bundle: program, assets: [] });
      }
      warm = createSessionManager({ ...deps, warmSessions: 2, warmVersions: 1 });
    });

    it("has sessions of an opened version ready for the next user's open", async () => {
      await warm.open('w1', 'warm-a');
      await vi.waitFor(() => expect(runtime.warmCount).toBe(2));
      const second = await warm.open('w2', 'warm-a');
      expect(runtime.warmCount).toBe(1);
      expect(text(second.frame)).toBe('n=0 saved= name= err=');
      await vi.waitFor(() => expect(runtime.warmCount).toBe(2));
    });

    it('keeps only the most recently opened versions warm', async () => {
      const versionOf = async (appId: string) => (await apps.runnable(appId, 'w1')).versionId;
      await warm.open('w1', 'warm-b');
      expect(warm.warmVersions()).toEqual([await versionOf('warm-b')]);
      await vi.waitFor(() => expect(runtime.warmCount).toBe(2));
    });

    it('stops keeping a version warm once nobody opened it for the idle time', async () => {
      await warm.evictIdle(Date.now() + 60_000);
      expect(warm.warmVersions()).toEqual([]);
      await vi.waitFor(() => expect(runtime.warmCount).toBe(0));
    });

    it('stops keeping a suspended app warm', async () => {
      await warm.open('w1', 'warm-a');
      await vi.waitFor(() => expect(runtime.warmCount).toBe(2));
      await warm.endApp('warm-a', { code: 'app_suspended', message: 'suspended' });
      expect(warm.warmVersions()).toEqual([]);
      await vi.waitFor(() => expect(runtime.warmCount).toBe(0));
    });
  });
});

async function waitFor(cond: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
