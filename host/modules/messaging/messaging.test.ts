import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { createMemoryBus, createTopicLog, realtimeMigrations, type FeedMessage } from '../../realtime/index.ts';
import { createMessaging, messagingMigrations, type InboxEvent, type Messaging, type PartyId } from './index.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

describe.each(testDatabases())('messaging on $name', (tdb) => {
  let db: Db<any>;
  let m: Messaging;
  const bus = createMemoryBus();
  let time = Date.parse('2026-12-08T10:00:00Z');
  let n = 0;
  const user = (): PartyId => `u:user-${++n}`;

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [realtimeMigrations, messagingMigrations]);
    m = createMessaging({ db: db.kysely, topics: createTopicLog(db.kysely, bus), displayName: async (p) => `name of ${p}`, merchantExists: async (id) => id.startsWith('shop-'), limits: { sendsPerMinute: 8 }, clock: () => new Date(time) });
  });
  afterAll(async () => {
    await bus.close();
    await db.close();
  });

  /** A group of `owner` with `others` joined through an invite. */
  async function groupOf(owner: PartyId, ...others: PartyId[]) {
    const id = await m.conversations.createGroup(owner, { title: 'Tea lovers' });
    const invite = await m.groups.invite(owner, id);
    for (const o of others) await m.groups.join(o, id, invite.code);
    return id;
  }
  const text = (t: string, clientId?: string) => ({ kind: 'text' as const, text: t, ...(clientId ? { clientId } : {}) });

  describe('conversations', () => {
    it('numbers a group\'s messages from 1, the first saying who made it', async () => {
      const owner = user();
      const id = await m.conversations.createGroup(owner, { title: 'Oolong club' });
      const sent = await m.messages.send(owner, id, text('welcome'));
      expect(sent.seq).toBe(2);
      const history = await m.messages.history(owner, id);
      expect(history.map((x) => [x.seq, x.kind])).toEqual([[1, 'system'], [2, 'text']]);
      expect(history[0]!.body).toEqual({ text: `name of ${owner} created the group "Oolong club"` });
    });

    it('counts exactly what each member has not read, and nothing of their own', async () => {
      const [a, b] = [user(), user()];
      const id = await groupOf(a, b);
      await m.messages.send(a, id, text('one'));
      await m.messages.send(a, id, text('two'));
      const forB = await m.conversations.get(b, id);
      const forA = await m.conversations.get(a, id);
      expect(forA.unread).toBe(0);
      expect(forB.unread).toBe(2);
      expect(await m.messages.markRead(b, id, forB.lastSeq - 1)).toMatchObject({ unread: 1 });
      expect(await m.messages.markRead(b, id, 1)).toMatchObject({ readSeq: forB.lastSeq - 1 });
      expect((await m.conversations.get(b, id)).lastMessage).toMatchObject({ body: { text: 'two' } });
    });

    it('pages history by number, and shows a newcomer nothing from before they joined', async () => {
      const [a, b] = [user(), user()];
      const id = await m.conversations.createGroup(a, { title: 'Pages' });
      for (let i = 1; i <= 5; i++) await m.messages.send(a, id, text(`m${i}`));
      const invite = await m.groups.invite(a, id);
      await m.groups.join(b, id, invite.code);
      await m.messages.send(a, id, text('after'));
      const older = await m.messages.history(a, id, { before: 4, limit: 2 });
      expect(older.map((x) => x.seq)).toEqual([2, 3]);
      expect((await m.messages.history(a, id, { after: 5 })).map((x) => x.seq)).toEqual([6, 7, 8]);
      expect((await m.messages.history(b, id)).map((x) => x.body)).toEqual([{ text: `name of ${b} joined` }, { text: 'after' }]);
    });

    it('sends a message once however often its clientId is sent', async () => {
      const a = user();
      const id = await m.conversations.createGroup(a, { title: 'Retry' });
      const first = await m.messages.send(a, id, text('hello', 'c-1'));
      const again = await m.messages.send(a, id, text('hello', 'c-1'));
      expect(again).toEqual(first);
      expect((await m.messages.history(a, id)).filter((x) => x.kind === 'text')).toHaveLength(1);
    });

    it('gives two members of a group one direct chat, made once even when both start it at once', async () => {
      const [a, b] = [user(), user()];
      await groupOf(a, b);
      const [x, y] = await Promise.all([m.conversations.directWith(a, b), m.conversations.directWith(b, a)]);
      expect(x).toBe(y);
      await m.messages.send(a, x, text('hi'));
      expect((await m.conversations.get(b, x)).title).toBe(`name of ${a}`);
    });

    it('refuses a direct chat with a stranger', async () => {
      await expect(m.conversations.directWith(user(), user())).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('numbers messages sent at the same moment one after another, none lost or repeated', async () => {
      const people = [user(), user(), user(), user()];
      const id = await groupOf(people[0]!, ...people.slice(1));
      const before = (await m.conversations.get(people[0]!, id)).lastSeq;
      const sent = await Promise.all(people.flatMap((p) => [1, 2].map((i) => m.messages.send(p, id, text(`${p} ${i}`)))));
      expect(sent.map((s) => s.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 8 }, (_, i) => before + i + 1));
    });
  });

  describe('groups', () => {
    it('lets an invite be used as often as it allows and no more', async () => {
      const [a, b, c] = [user(), user(), user()];
      const id = await m.conversations.createGroup(a, { title: 'Capped invite' });
      const invite = await m.groups.invite(a, id, { maxUses: 1 });
      await m.groups.joinByInvite(b, invite.code);
      await expect(m.groups.joinByInvite(c, invite.code)).rejects.toMatchObject({ code: 'expired' });
    });

    it('refuses an expired or withdrawn invite', async () => {
      const [a, b] = [user(), user()];
      const id = await m.conversations.createGroup(a, { title: 'Old invites' });
      const soon = await m.groups.invite(a, id, { expiresInHours: 1 });
      const withdrawn = await m.groups.invite(a, id);
      await m.groups.revokeInvite(a, withdrawn.code);
      time += 2 * 3600_000;
      await expect(m.groups.joinByInvite(b, soon.code)).rejects.toMatchObject({ code: 'expired' });
      await expect(m.groups.joinByInvite(b, withdrawn.code)).rejects.toMatchObject({ code: 'expired' });
    });

    it('refuses a joiner once the group is full, and a closed group without an invite', async () => {
      const [a, b, c] = [user(), user(), user()];
      const id = await m.conversations.createGroup(a, { title: 'Two only', memberCap: 2 });
      const invite = await m.groups.invite(a, id);
      await m.groups.join(b, id, invite.code);
      await expect(m.groups.join(c, id, invite.code)).rejects.toMatchObject({ code: 'conflict' });
      await expect(m.groups.join(c, id)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('hands an owner\'s group to the earliest admin when the owner leaves', async () => {
      const [a, b, c] = [user(), user(), user()];
      const id = await groupOf(a, b, c);
      await m.groups.setRole(a, id, c, 'admin');
      await m.groups.leave(a, id);
      const roles = Object.fromEntries((await m.conversations.members(b, id)).map((x) => [x.id, x.role]));
      expect(roles).toEqual({ [b]: 'member', [c]: 'owner' });
    });

    it('hands it to the earliest member when there is no admin', async () => {
      const [a, b, c] = [user(), user(), user()];
      const id = await groupOf(a, b, c);
      await m.groups.leave(a, id);
      expect((await m.conversations.members(c, id)).find((x) => x.role === 'owner')?.id).toBe(b);
    });

    it('lets the owner and admins remove members, but not an admin an admin or anyone the owner', async () => {
      const [a, b, c, d] = [user(), user(), user(), user()];
      const id = await groupOf(a, b, c, d);
      await m.groups.setRole(a, id, b, 'admin');
      await m.groups.setRole(a, id, c, 'admin');
      await expect(m.groups.remove(b, id, c)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(m.groups.remove(b, id, a)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(m.groups.remove(d, id, b)).rejects.toMatchObject({ code: 'forbidden' });
      await m.groups.remove(b, id, d);
      await expect(m.messages.history(d, id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('keeps a muted member and, while the group is muted, every plain member quiet', async () => {
      const [a, b, c] = [user(), user(), user()];
      const id = await groupOf(a, b, c);
      await m.groups.mute(a, id, b, 30);
      await expect(m.messages.send(b, id, text('hey'))).rejects.toMatchObject({ code: 'forbidden' });
      time += 31 * 60_000;
      await m.messages.send(b, id, text('back'));
      await m.groups.setRole(a, id, c, 'admin');
      await m.groups.muteAll(a, id, true);
      await expect(m.messages.send(b, id, text('hey'))).rejects.toMatchObject({ code: 'forbidden' });
      await m.messages.send(c, id, text('admins may'));
    });

    it('hands the group over, the old owner staying on as an admin', async () => {
      const [a, b] = [user(), user()];
      const id = await groupOf(a, b);
      await m.groups.transfer(a, id, b);
      const roles = Object.fromEntries((await m.conversations.members(a, id)).map((x) => [x.id, x.role]));
      expect(roles).toEqual({ [a]: 'admin', [b]: 'owner' });
    });
  });

  describe('who reads what', () => {
    it('tells a non-member nothing about a conversation, over every operation', async () => {
      const [a, stranger] = [user(), user()];
      const id = await groupOf(a);
      const sent = await m.messages.send(a, id, text('private'));
      // Each attempt starts only when awaited: one started early rejects before anyone listens.
      for (const attempt of [
        () => m.messages.history(stranger, id),
        () => m.conversations.get(stranger, id),
        () => m.conversations.members(stranger, id),
        () => m.messages.send(stranger, id, text('let me in')),
        () => m.messages.markRead(stranger, id, 1),
        () => m.reports.report(stranger, id, sent.seq, 'nosy report'),
        () => m.groups.invite(stranger, id),
      ]) await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
      expect(await m.conversations.list(stranger)).toEqual([]);
    });

    it('serves an image to its uploader and to members where it was sent, to no one else', async () => {
      const [a, b, stranger] = [user(), user(), user()];
      const id = await groupOf(a, b);
      const { imageId } = await m.images.upload(a, PNG);
      await expect(m.images.read(b, imageId)).rejects.toMatchObject({ code: 'not_found' });
      await m.messages.send(a, id, { kind: 'image', imageId });
      expect((await m.images.read(b, imageId)).mime).toBe('image/png');
      await expect(m.images.read(stranger, imageId)).rejects.toMatchObject({ code: 'not_found' });
    });

    it("refuses bytes that are not an image, and an image someone else uploaded", async () => {
      const [a, b] = [user(), user()];
      const id = await groupOf(a, b);
      await expect(m.images.upload(a, new TextEncoder().encode('<svg onload=alert(1)></svg>'))).rejects.toMatchObject({ code: 'invalid_request' });
      const { imageId } = await m.images.upload(a, PNG);
      await expect(m.messages.send(b, id, { kind: 'image', imageId })).rejects.toMatchObject({ code: 'invalid_args' });
    });
  });

  describe('inboxes', () => {
    it("puts every message of every conversation in each member's inbox, in order, and resumes after a number", async () => {
      const [a, b] = [user(), user()];
      const g1 = await groupOf(a, b);
      const g2 = await groupOf(a, b);
      const heard: FeedMessage<InboxEvent>[] = [];
      const sub = await m.inbox(b).follow(0, (e) => heard.push(e));
      await m.messages.send(a, g1, text('in one'));
      await m.messages.send(a, g2, text('in two'));
      await until(() => heard.some((e) => e.data.t === 'message' && e.data.message.body?.text === 'in two'));
      sub.close();
      const ids = heard.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      const mid = heard.find((e) => e.data.t === 'message' && e.data.message.body?.text === 'in one')!.id;
      const resumed: FeedMessage<InboxEvent>[] = [];
      const again = await m.inbox(b).follow(mid, (e) => resumed.push(e));
      await until(() => resumed.length > 0);
      again.close();
      expect(resumed.map((e) => e.data)).toEqual(heard.filter((e) => e.id > mid).map((e) => e.data));
    });
  });

  describe('merchants and customer service', () => {
    it('lets a user follow a merchant once, and unfollow as easily', async () => {
      const u = user().slice(2);
      await m.follows.follow(u, 'shop-tea');
      await m.follows.follow(u, 'shop-tea');
      expect(await m.follows.followerCount('shop-tea')).toBe(1);
      await m.follows.unfollow(u, 'shop-tea');
      expect(await m.follows.following(u, 'shop-tea')).toBe(false);
      await expect(m.follows.follow(u, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('gives a customer one thread with a merchant, in the merchant\'s inbox as open', async () => {
      const u = user();
      const id = await m.threads.open(u.slice(2), 'shop-inbox');
      expect(await m.threads.open(u.slice(2), 'shop-inbox')).toBe(id);
      await m.send(u, id, text('Is the oolong back?'));
      const inbox = await m.conversations.list('m:shop-inbox', { kind: 'service' });
      expect(inbox.map((c) => [c.id, c.status, c.unread])).toEqual([[id, 'open', 1]]);
    });

    it("lets the merchant answer five times in the 48 hours after the customer's message, and no more", async () => {
      const u = user();
      const shop: PartyId = 'm:shop-window';
      const id = await m.threads.open(u.slice(2), 'shop-window');
      await expect(m.send(shop, id, text('Hello!'))).rejects.toMatchObject({ code: 'reply_window_closed' });
      await m.send(u, id, text('Where is my order?'));
      for (let i = 1; i <= 5; i++) await m.send(shop, id, text(`Answer ${i}`));
      await expect(m.send(shop, id, text('Answer 6'))).rejects.toMatchObject({ code: 'reply_window_closed' });
      await m.send(u, id, text('Thanks, and one more thing'));
      await m.send(shop, id, text('Sure'));
      time += 49 * 3600_000;
      await expect(m.send(shop, id, text('Still there?'))).rejects.toMatchObject({ code: 'reply_window_closed' });
    });

    it('lets only its merchant file a thread, and opens a resolved one again when the customer writes', async () => {
      const u = user();
      const id = await m.threads.open(u.slice(2), 'shop-status');
      await m.send(u, id, text('Help'));
      await expect(m.threads.setStatus('m:shop-other', id, 'resolved')).rejects.toMatchObject({ code: 'not_found' });
      await m.threads.setStatus('m:shop-status', id, 'resolved');
      expect((await m.conversations.get('m:shop-status', id)).status).toBe('resolved');
      await m.send(u, id, text('Actually, one more question'));
      expect((await m.conversations.get('m:shop-status', id)).status).toBe('open');
    });

    it('keeps another merchant out of a customer\'s thread', async () => {
      const u = user();
      const id = await m.threads.open(u.slice(2), 'shop-mine');
      await m.send(u, id, text('private question'));
      await expect(m.messages.history('m:shop-theirs', id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(m.send('m:shop-theirs', id, text('hi'))).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('service notifications', () => {
    const notice = (title: string) => ({ appId: 'shop', appName: 'Tea House', templateId: 'order-shipped', title, fields: [{ key: 'carrier', label: 'Carrier', type: 'text' as const, value: 'SF Express' }], page: 'pages/result', query: { orderId: 'o-1' } });
    const deliver = (userId: string, title: string) => m.ctx.topics.write((trx, emit) => m.notices.deliver(trx as never, emit, userId, notice(title)));

    it("are one conversation per user, made by the first notice, that the user's inbox hears live and nobody can answer", async () => {
      const party = user();
      const userId = party.slice(2);
      expect(await m.notices.conversationOf(userId)).toBeNull();
      const heard: FeedMessage<InboxEvent>[] = [];
      const sub = await m.inbox(party).follow(0, (e) => heard.push(e));
      const [first, second] = await Promise.all([deliver(userId, 'Order shipped'), deliver(userId, 'Order shipped again')]);
      await until(() => heard.filter((e) => e.data.t === 'message').length === 2);
      sub.close();
      expect(first.conversationId).toBe(second.conversationId);
      expect(await m.notices.conversationOf(userId)).toBe(first.conversationId);
      expect(heard.filter((e) => e.data.t === 'joined')).toHaveLength(1);
      const conv = await m.conversations.get(party, first.conversationId);
      expect(conv).toMatchObject({ kind: 'notices', title: 'Service notifications', unread: 2, memberCount: 1 });
      expect((await m.messages.history(party, first.conversationId)).map((x) => [x.kind, x.body?.title])).toEqual([['notice', expect.any(String)], ['notice', expect.any(String)]]);
      expect(conv.lastMessage).toMatchObject({ kind: 'notice', sender: { id: 'system' }, body: notice(conv.lastMessage!.body!.title as string) });
      await expect(m.messages.send(party, first.conversationId, text('thanks'))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(m.messages.history(user(), first.conversationId)).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('limits and reports', () => {
    it('refuses a member past their messages a minute, across conversations', async () => {
      const a = user();
      const [g1, g2] = [await groupOf(a), await groupOf(a)];
      for (let i = 0; i < 4; i++) await m.messages.send(a, g1, text(`x${i}`));
      for (let i = 0; i < 4; i++) await m.messages.send(a, g2, text(`y${i}`));
      await expect(m.messages.send(a, g1, text('one too many'))).rejects.toMatchObject({ code: 'rate_limited' });
      time += 61_000;
      await m.messages.send(a, g1, text('a minute later'));
    });

    it('lets a member report a message once, and an admin remove it and mute its sender', async () => {
      const [a, b] = [user(), user()];
      const id = await groupOf(a, b);
      const bad = await m.messages.send(b, id, text('buy followers now'));
      const first = await m.reports.report(a, id, bad.seq, 'spam in the group');
      expect(await m.reports.report(a, id, bad.seq, 'spam again')).toEqual(first);
      await m.reports.decide('admin-1', first.reportId, { remove: true, muteMinutes: 60 });
      const shown = (await m.messages.history(a, id)).find((x) => x.seq === bad.seq)!;
      expect(shown).toMatchObject({ removed: true, body: null });
      await expect(m.messages.send(b, id, text('again'))).rejects.toMatchObject({ code: 'forbidden' });
      expect((await m.reports.list('open')).some((r) => r.reportId === first.reportId)).toBe(false);
    });
  });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
