import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import type { Db } from '../../host/db/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { testDatabases } from '../support/databases.ts';
import { readQrPng } from '../support/qr.ts';
import { rawProgram } from '../support/programs.ts';

/**
 * Messaging through the whole host over a real port: groups made and joined by invite link and
 * QR code, messages live on each member's inbox stream and resumed after a dropped connection,
 * images, a merchant's page, customer service, a shared card that opens a program.
 */
const ADMIN = { email: 'root@chat.test', password: 'admin-password-1' };

/** A program that shows its launch scene, and joins and lists its merchant's groups on taps. */
const groupsProgram = rawProgram({
  'pages/index': `{
    data: { said: '' },
    onLoad() { this.setData({ said: 'scene ' + JSON.stringify(globalThis.__sceneSeen ?? null) }); },
    async join() {
      try { const r = await globalThis.__atrium.call('groups.join', { groupId: 'vip' }); const l = await globalThis.__atrium.call('groups.listMine'); this.setData({ said: 'joined ' + r.role + ' ' + l.groups.map((g) => g.groupId + ':' + g.memberCount).join(',') }); }
      catch (e) { this.setData({ said: 'failed ' + e.code }); }
    },
    async post() {
      try { await globalThis.__atrium.call('groups.sendMessage', { groupId: 'vip', text: 'hello from the program' }); this.setData({ said: 'posted' }); }
      catch (e) { this.setData({ said: 'failed ' + e.code }); }
    },
    render() { return { type: 'view', props: {}, children: [{ type: 'text', props: {}, children: [this.data.said] }] }; },
  }`,
}, `{ onLaunch(o) { globalThis.__sceneSeen = o.scene; } }`);

/** A 2×2 grey PNG, made by a real encoder. */
function tinyPng(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const img = new PNG({ width: 2, height: 2 });
    img.data.fill(200);
    const chunks: Buffer[] = [];
    img.pack().on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

describe.each(testDatabases())('messaging over HTTP on $name', (tdb) => {
  let platform: Platform;
  let dataDir: string;
  let database: Db<any>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-chat-'));
    database = await tdb.create();
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password }), { log: () => {}, db: database });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  type Who = Awaited<ReturnType<typeof account>>;
  let n = 0;
  async function account(kind: 'user' | 'merchant' = 'user') {
    const email = `${kind}-${++n}@chat.test`;
    const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
    await post('/api/auth/signup', { email, password: 'long enough password', displayName: `${kind} ${n}`, kind });
    const { token, account: a } = (await (await post('/api/auth/login', { email, password: 'long enough password', kind })).json()) as { token: string; account: { id: string } };
    const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
      const res = await fetch(platform.url + path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { authorization: `Bearer ${token}`, ...(init.body === undefined || init.body instanceof Uint8Array ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body === undefined ? undefined : init.body instanceof Uint8Array ? (init.body as unknown as BodyInit) : JSON.stringify(init.body),
      });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer()) } as { status: number; headers: Headers; body: any };
    };
    return Object.assign(call, { id: a.id, token, party: `${kind === 'user' ? 'u' : 'm'}:${a.id}` });
  }

  /** Reads an inbox stream until `count` messages arrived; returns them and the last event id. */
  async function readInbox(who: Who, count: number, lastEventId?: string) {
    const res = await fetch(`${platform.url}/api/chats/stream`, { headers: { authorization: `Bearer ${who.token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const got: { id: string; text: string }[] = [];
    try {
      const deadline = Date.now() + 10_000;
      while (got.length < count && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const e = data ? JSON.parse(data) : null;
          if (id && e?.t === 'message' && e.message.kind === 'text') got.push({ id, text: e.message.body.text });
        }
      }
    } finally {
      await reader.cancel().catch(() => {});
    }
    return got;
  }

  async function groupWith(owner: Who, ...others: Who[]) {
    const { conversation } = (await owner('/api/chats/groups', { body: { title: 'Tea lovers' } })).body;
    const { invite } = (await owner(`/api/chats/${conversation.id}/invites`, { body: {} })).body;
    for (const o of others) expect((await o(`/api/invites/${invite.code}/join`, { body: {} })).status).toBe(200);
    return { id: conversation.id as string, invite };
  }

  it('lets a user make a group, another join by its link, and both talk, with exact unread counts', async () => {
    const [a, b] = [await account(), await account()];
    const { id, invite } = await groupWith(a);
    expect((await b(`/api/invites/${invite.code}`)).body).toMatchObject({ title: 'Tea lovers', memberCount: 1 });
    await b(`/api/invites/${invite.code}/join`, { body: {} });
    await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'Welcome!' } });
    const listed = (await b('/api/chats')).body.conversations;
    expect(listed).toMatchObject([{ id, title: 'Tea lovers', unread: 1, lastMessage: { body: { text: 'Welcome!' } } }]);
    const { messages } = (await b(`/api/chats/${id}/messages`)).body;
    expect(messages.map((x: { kind: string }) => x.kind)).toEqual(['system', 'text']);
    expect((await b(`/api/chats/${id}/read`, { body: { seq: messages.at(-1).seq } })).body.unread).toBe(0);
  });

  it('draws the invite as a QR code that reads back as its link', async () => {
    const a = await account();
    const { invite } = await groupWith(a);
    const res = await a(`/api/invites/${invite.code}/qr.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(readQrPng(res.body)).toBe(invite.url);
    expect(invite.url).toMatch(new RegExp(`/join/${invite.code}$`));
  });

  it('delivers messages live on each member\'s stream, and after a dropped connection resumes with every message once', async () => {
    const [a, b] = [await account(), await account()];
    const { id } = await groupWith(a, b);
    const live = readInbox(b, 2);
    await new Promise((r) => setTimeout(r, 100));
    for (const t of ['one', 'two']) await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: t } });
    const first = await live;
    expect(first.map((x) => x.text)).toEqual(['one', 'two']);
    // B's connection drops; three more are sent meanwhile.
    for (const t of ['three', 'four', 'five']) await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: t } });
    const resumed = await readInbox(b, 3, first.at(-1)!.id);
    expect(resumed.map((x) => x.text)).toEqual(['three', 'four', 'five']);
  });

  it('serves a sent image to members and to nobody else', async () => {
    const [a, b, stranger] = [await account(), await account(), await account()];
    const { id } = await groupWith(a, b);
    const up = await a('/api/chats/images', { body: await tinyPng(), headers: { 'content-type': 'image/png' } });
    expect(up.body).toMatchObject({ mime: 'image/png' });
    await a(`/api/chats/${id}/messages`, { body: { kind: 'image', imageId: up.body.imageId } });
    expect((await b(`/api/chats/images/${up.body.imageId}`)).status).toBe(200);
    expect((await stranger(`/api/chats/images/${up.body.imageId}`)).status).toBe(404);
    expect((await a('/api/chats/images', { body: new TextEncoder().encode('<html>not an image</html>') })).body.error.code).toBe('invalid_request');
  });

  it("shows a merchant's page, follows it, and lets the merchant answer in its window", async () => {
    const [shop, u] = [await account('merchant'), await account()];
    expect((await u(`/api/merchants/${shop.id}`)).body.merchant).toMatchObject({ followers: 0, following: false });
    await u(`/api/merchants/${shop.id}/follow`, { body: {} });
    expect((await u(`/api/merchants/${shop.id}`)).body.merchant).toMatchObject({ followers: 1, following: true });
    const { conversation } = (await u(`/api/merchants/${shop.id}/chat`, { body: {} })).body;
    expect((await shop(`/api/chats/${conversation.id}/messages`, { body: { kind: 'text', text: 'Hello!' } })).body.error.code).toBe('reply_window_closed');
    await u(`/api/chats/${conversation.id}/messages`, { body: { kind: 'text', text: 'Is the oolong back?' } });
    const inbox = (await shop('/api/chats?kind=service&status=open')).body.conversations;
    expect(inbox).toMatchObject([{ id: conversation.id, unread: 1 }]);
    expect((await shop(`/api/chats/${conversation.id}/messages`, { body: { kind: 'text', text: 'Yes, since Monday.' } })).status).toBe(200);
    await shop(`/api/chats/${conversation.id}/status`, { body: { status: 'resolved' } });
    expect((await shop('/api/chats?kind=service&status=resolved')).body.conversations).toHaveLength(1);
  });

  it("puts a user's conversations, messages, images and follows in their export", async () => {
    const [a, b, shop] = [await account(), await account(), await account('merchant')];
    const { id } = await groupWith(a, b);
    await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'Mine to take away' } });
    const up = await a('/api/chats/images', { body: await tinyPng(), headers: { 'content-type': 'image/png' } });
    await a(`/api/merchants/${shop.id}/follow`, { body: {} });
    const { messaging } = (await a('/api/me/export')).body;
    expect(messaging.conversations).toMatchObject([{ conversationId: id, kind: 'group', title: 'Tea lovers', role: 'owner', leftAt: null }]);
    expect(messaging.messagesSent).toMatchObject([{ conversationId: id, kind: 'text', body: { text: 'Mine to take away' }, removed: false }]);
    expect(messaging.imagesUploaded).toMatchObject([{ imageId: up.body.imageId, mime: 'image/png' }]);
    expect(messaging.following).toMatchObject([{ merchantId: shop.id }]);
    // B's export holds B's part only.
    expect((await b('/api/me/export')).body.messaging.messagesSent).toEqual([]);
  });

  it('erases a user from messaging: their group goes to the next member, what they sent is emptied, images and follows are gone', async () => {
    const [a, b, shop] = [await account(), await account(), await account('merchant')];
    const { id } = await groupWith(a, b);
    await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'My address is 12 Tea Lane' } });
    const up = await a('/api/chats/images', { body: await tinyPng(), headers: { 'content-type': 'image/png' } });
    await a(`/api/chats/${id}/messages`, { body: { kind: 'image', imageId: up.body.imageId } });
    await a(`/api/merchants/${shop.id}/follow`, { body: {} });
    expect((await a('/api/me/erase', { body: { password: 'long enough password' } })).body).toEqual({ ok: true });

    const members = (await b(`/api/chats/${id}/members`)).body.members;
    expect(members.map((m: { id: string; role: string }) => [m.id, m.role])).toEqual([[b.party, 'owner']]);
    const { messages } = (await b(`/api/chats/${id}/messages`)).body;
    const fromA = messages.filter((m: { sender: { id: string } }) => m.sender.id === a.party);
    expect(fromA.map((m: { removed: boolean; body: unknown }) => [m.removed, m.body])).toEqual([[true, null], [true, null]]);
    expect(JSON.stringify(messages)).not.toContain('Tea Lane');
    expect((await b(`/api/chats/images/${up.body.imageId}`)).status).toBe(404);
    expect((await b(`/api/merchants/${shop.id}`)).body.merchant.followers).toBe(0);
    const rows = await database.kysely.selectFrom('msg_messages').select('body').where('sender_id', '=', a.party).execute();
    expect(rows.map((r: { body: string }) => r.body)).toEqual(['{}', '{}']);
  });

  it('answers bad input on the chat routes with 400 and a stable code, changing nothing', async () => {
    const a = await account();
    const { id } = await groupWith(a);
    const cases: [string, { method?: string; body?: unknown }][] = [
      [`/api/chats/${id}/messages`, { body: { kind: 'text', text: '' } }],
      [`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'x'.repeat(4001) } }],
      [`/api/chats/${id}/messages`, { body: { kind: 'video', url: 'http://x' } }],
      [`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'hi', extra: 1 } }],
      [`/api/chats/${id}/messages?limit=0`, {}],
      [`/api/chats/${id}/read`, { body: { seq: -1 } }],
      [`/api/chats/${id}/invites`, { body: { expiresInHours: 0 } }],
      [`/api/chats/${id}/members/not-a-party/remove`, { body: {} }],
      ['/api/chats/groups', { body: { title: '' } }],
      ['/api/chats/groups', { body: { title: 'x', handle: 'has space' } }],
      ['/api/chats?kind=secret', {}],
    ];
    for (const [path, init] of cases) {
      const res = await a(path, init);
      expect([res.status, res.body.error?.code], path).toEqual([400, 'invalid_request']);
    }
    expect((await a(`/api/chats/${id}/messages`)).body.messages).toHaveLength(1);
  });

  it("keeps another user out of a group and another merchant out of a customer's thread, over every route", async () => {
    const [a, stranger] = [await account(), await account()];
    const { id, invite } = await groupWith(a);
    const sent = (await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'secret' } })).body.message;
    for (const [path, init] of [
      [`/api/chats/${id}`, {}],
      [`/api/chats/${id}/messages`, {}],
      [`/api/chats/${id}/members`, {}],
      [`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'hi' } }],
      [`/api/chats/${id}/read`, { body: { seq: 1 } }],
      [`/api/chats/${id}/invites`, { body: {} }],
      [`/api/chats/${id}/messages/${sent.seq}/report`, { body: { reason: 'nosy nosy' } }],
      [`/api/chats/${id}/mute-all`, { body: { on: true } }],
    ] as const) {
      expect((await stranger(path, init as never)).status, path).toBe(404);
    }
    expect((await stranger(`/api/invites/${invite.code}`, { method: 'DELETE' })).status).toBe(404);
  });

  /** The groups program, released by a merchant through review; and a signed-in admin. */
  async function releasedProgram(shop: Who) {
    const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
    const { token } = (await (await post('/api/auth/login', { ...ADMIN, kind: 'admin' })).json()) as { token: string };
    const admin = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const { app } = (await shop('/api/merchant/apps', { body: { name: 'VIP Club', category: 'shopping', description: 'the tea club' } })).body;
    const manifest = { name: 'VIP Club', version: '1.0.0', pages: ['pages/index'], permissions: { groups: { reason: 'to let you join the VIP group' } } };
    const { version } = (await shop(`/api/merchant/apps/${app.id}/versions`, { body: { manifest, bundle: groupsProgram, assets: [], releaseNotes: '' } })).body;
    await admin(`/api/admin/reviews/${version.id}/approve`, {});
    await shop(`/api/merchant/apps/${app.id}/release`, { body: { version: '1.0.0' } });
    return app.id as string;
  }
  const saidIn = (frame: any) => JSON.stringify(frame.view);

  it("lets a program join its merchant's open group by its handle, list it and post in it, as its user", async () => {
    const [shop, u] = [await account('merchant'), await account()];
    const appId = await releasedProgram(shop);
    const { conversation } = (await shop('/api/chats/groups', { body: { title: 'VIP', handle: 'vip', open: true } })).body;
    const { sessionId } = (await u(`/api/apps/${appId}/sessions`, { body: {} })).body;
    const post = (handler: string) => u(`/api/sessions/${sessionId}/events`, { body: { handler, type: 'tap' } });
    await post('post');
    await expect.poll(async () => saidIn((await post('noop')).body.frame)).toContain('failed forbidden');
    await post('join');
    await expect.poll(async () => saidIn((await post('noop')).body.frame)).toContain('joined member vip:2');
    await post('post');
    await expect.poll(async () => (await shop(`/api/chats/${conversation.id}/messages`)).body.messages.map((x: any) => x.body.text)).toContain('hello from the program');
  }, 60_000);

  it('opens a program from a card shared in a chat, and the program hears it came from a share and who shared', async () => {
    const [shop, a, b] = [await account('merchant'), await account(), await account()];
    const appId = await releasedProgram(shop);
    const { id } = await groupWith(a, b);
    const card = (await a(`/api/chats/${id}/messages`, { body: { kind: 'program', title: 'Join the club', appId, page: 'pages/index' } })).body.message;
    const opened = (await b(`/api/apps/${appId}/sessions`, { body: { via: { share: { conversationId: id, seq: card.seq } } } })).body;
    expect(saidIn(opened.frame)).toMatch(/scene \{\\"source\\":\\"share\\",\\"sharer\\":\\"[\w-]+\\"\}/);
    const stranger = await account();
    expect((await stranger(`/api/apps/${appId}/sessions`, { body: { via: { share: { conversationId: id, seq: card.seq } } } })).status).toBe(404);
    const other = (await a(`/api/chats/${id}/messages`, { body: { kind: 'text', text: 'not a card' } })).body.message;
    expect((await b(`/api/apps/${appId}/sessions`, { body: { via: { share: { conversationId: id, seq: other.seq } } } })).body.error.code).toBe('invalid_request');
  }, 60_000);
});
