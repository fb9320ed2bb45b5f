import { createRoute, z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { apiRoutes, errorResponses, json, jsonBody, requireAccount, signedIn, type AppEnv } from '../../http/index.ts';
import { lastEventIdOf, streamFeed, streamLimits } from '../../realtime/index.ts';
import type { Context } from 'hono';
import { merchantParty, userParty } from './context.ts';
import { ConversationSchema, GroupInput, InviteInput, InviteSchema, MemberSchema, MessageSchema, PartyParam, SendInput } from './schemas.ts';
import type { Messaging } from './service.ts';
import type { PartyId } from './tables.ts';
import type { InboxEvent } from './views.ts';

const tags = ['chats'];
const chat = z.object({ conversationId: z.string().min(1).max(64) });
const member = chat.extend({ memberId: PartyParam });
const code = z.object({ code: z.string().min(1).max(64).regex(/^[\w-]+$/) });
const Ok = z.object({ ok: z.literal(true) });
const errors = errorResponses(400, 401, 403, 404, 409, 429);

const routes = {
  list: createRoute({
    method: 'get', path: '/api/chats', tags, security: signedIn, summary: 'My conversations, most recent first, with unread counts (a merchant filters its service inbox by state)',
    request: { query: z.object({ kind: z.enum(['group', 'direct', 'service', 'notices']).optional(), status: z.enum(['open', 'pending', 'resolved']).optional() }) },
    responses: { 200: json(z.object({ conversations: z.array(ConversationSchema) })), ...errorResponses(400, 401) },
  }),
  status: createRoute({ method: 'post', path: '/api/chats/{conversationId}/status', tags, security: signedIn, summary: 'File a customer-service thread as open, pending or resolved (its merchant)', request: { params: chat, body: jsonBody(z.object({ status: z.enum(['open', 'pending', 'resolved']) }).strict()) }, responses: { 200: json(Ok), ...errorResponses(400, 401, 404) } }),
  follow: createRoute({ method: 'post', path: '/api/merchants/{merchantId}/follow', tags, security: signedIn, summary: 'Follow a merchant', request: { params: z.object({ merchantId: z.string().min(1).max(64) }) }, responses: { 200: json(z.object({ following: z.boolean() })), ...errorResponses(401, 404) } }),
  unfollow: createRoute({ method: 'delete', path: '/api/merchants/{merchantId}/follow', tags, security: signedIn, summary: 'Stop following a merchant', request: { params: z.object({ merchantId: z.string().min(1).max(64) }) }, responses: { 200: json(z.object({ following: z.boolean() })), ...errorResponses(401) } }),
  serviceChat: createRoute({ method: 'post', path: '/api/merchants/{merchantId}/chat', tags, security: signedIn, summary: "Write to a merchant: my customer-service thread with it (made on first use)", request: { params: z.object({ merchantId: z.string().min(1).max(64) }) }, responses: { 200: json(z.object({ conversation: ConversationSchema })), ...errorResponses(401, 404) } }),
  get: createRoute({ method: 'get', path: '/api/chats/{conversationId}', tags, summary: 'One of my conversations', security: signedIn, request: { params: chat }, responses: { 200: json(z.object({ conversation: ConversationSchema })), ...errorResponses(401, 404) } }),
  createGroup: createRoute({
    method: 'post', path: '/api/chats/groups', tags, security: signedIn,
    summary: "Make a group with me as its owner; a merchant's is a customer group (a handle programs call it by, up to 2,000 members, open to join if it says so)",
    request: { body: jsonBody(GroupInput) }, responses: { 200: json(z.object({ conversation: ConversationSchema })), ...errors },
  }),
  direct: createRoute({
    method: 'post', path: '/api/chats/direct', tags, security: signedIn,
    summary: 'The one-to-one chat with someone I share a group with (made on first use)',
    request: { body: jsonBody(z.object({ with: PartyParam }).strict()) }, responses: { 200: json(z.object({ conversation: ConversationSchema })), ...errors },
  }),
  messages: createRoute({
    method: 'get', path: '/api/chats/{conversationId}/messages', tags, security: signedIn, summary: 'A page of messages, oldest first: before a number (older), or after one (catching up)',
    request: { params: chat, query: z.object({ before: z.coerce.number().int().min(1).optional(), after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
    responses: { 200: json(z.object({ messages: z.array(MessageSchema) })), ...errorResponses(400, 401, 404) },
  }),
  send: createRoute({ method: 'post', path: '/api/chats/{conversationId}/messages', tags, security: signedIn, summary: 'Send a message (a clientId sent again is the same message)', request: { params: chat, body: jsonBody(SendInput) }, responses: { 200: json(z.object({ message: MessageSchema })), ...errors } }),
  read: createRoute({ method: 'post', path: '/api/chats/{conversationId}/read', tags, security: signedIn, summary: 'I have read up to this message', request: { params: chat, body: jsonBody(z.object({ seq: z.number().int().min(0) }).strict()) }, responses: { 200: json(z.object({ readSeq: z.number().int(), unread: z.number().int() })), ...errorResponses(400, 401, 404) } }),
  members: createRoute({ method: 'get', path: '/api/chats/{conversationId}/members', tags, security: signedIn, summary: 'Who is in the conversation', request: { params: chat }, responses: { 200: json(z.object({ members: z.array(MemberSchema) })), ...errorResponses(401, 404) } }),
  leave: createRoute({ method: 'post', path: '/api/chats/{conversationId}/leave', tags, security: signedIn, summary: 'Leave a group (an owner hands it to the earliest admin, else member)', request: { params: chat }, responses: { 200: json(Ok), ...errors } }),
  remove: createRoute({ method: 'post', path: '/api/chats/{conversationId}/members/{memberId}/remove', tags, security: signedIn, summary: 'Take a member out (owner or admin)', request: { params: member }, responses: { 200: json(Ok), ...errors } }),
  role: createRoute({ method: 'post', path: '/api/chats/{conversationId}/members/{memberId}/role', tags, security: signedIn, summary: 'Make a member an admin, or an admin a member (owner)', request: { params: member, body: jsonBody(z.object({ role: z.enum(['admin', 'member']) }).strict()) }, responses: { 200: json(Ok), ...errors } }),
  mute: createRoute({ method: 'post', path: '/api/chats/{conversationId}/members/{memberId}/mute', tags, security: signedIn, summary: 'Keep a member quiet for some minutes; 0 lets them speak (owner or admin)', request: { params: member, body: jsonBody(z.object({ minutes: z.number().int().min(0).max(43_200) }).strict()) }, responses: { 200: json(Ok), ...errors } }),
  muteAll: createRoute({ method: 'post', path: '/api/chats/{conversationId}/mute-all', tags, security: signedIn, summary: 'Only the owner and admins speak while on', request: { params: chat, body: jsonBody(z.object({ on: z.boolean() }).strict()) }, responses: { 200: json(Ok), ...errors } }),
  transfer: createRoute({ method: 'post', path: '/api/chats/{conversationId}/transfer', tags, security: signedIn, summary: 'Hand the group to another member (owner)', request: { params: chat, body: jsonBody(z.object({ to: PartyParam }).strict()) }, responses: { 200: json(Ok), ...errors } }),
  invite: createRoute({ method: 'post', path: '/api/chats/{conversationId}/invites', tags, security: signedIn, summary: 'An invite link and QR code, expiring, maybe capped in uses', request: { params: chat, body: jsonBody(InviteInput) }, responses: { 200: json(z.object({ invite: InviteSchema })), ...errors } }),
  report: createRoute({ method: 'post', path: '/api/chats/{conversationId}/messages/{seq}/report', tags, security: signedIn, summary: 'Report a message to the platform', request: { params: chat.extend({ seq: z.coerce.number().int().min(1) }), body: jsonBody(z.object({ reason: z.string().trim().min(4).max(500) }).strict()) }, responses: { 200: json(z.object({ reportId: z.string() })), ...errors } }),
  preview: createRoute({ method: 'get', path: '/api/invites/{code}', tags, security: signedIn, summary: 'Where an invite leads: the group and its size', request: { params: code }, responses: { 200: json(z.object({ conversationId: z.string(), title: z.string(), memberCount: z.number().int(), expiresAt: z.string() })), ...errorResponses(401, 404, 410) } }),
  join: createRoute({ method: 'post', path: '/api/invites/{code}/join', tags, security: signedIn, summary: 'Join the group an invite leads to', request: { params: code }, responses: { 200: json(z.object({ conversation: ConversationSchema })), ...errorResponses(401, 404, 409, 410) } }),
  revoke: createRoute({ method: 'delete', path: '/api/invites/{code}', tags, security: signedIn, summary: 'Withdraw an invite', request: { params: code }, responses: { 200: json(Ok), ...errors } }),
};

/** Users and merchants take part in conversations alike: a merchant's account speaks as its merchant. */
export function partyOf(c: Context<AppEnv>): PartyId {
  const p = requireAccount(c);
  if (p.via === 'app') throw new AtriumError('unauthorized', "An app's secret does not open chats; sign in.");
  if (p.kind === 'user') return userParty(p.id);
  if (p.kind === 'merchant') return merchantParty(p.id);
  throw new AtriumError('unauthorized', 'Sign in as a user or a merchant.');
}

/** The signed-in user's id, for what only users do (follow, write to a merchant). */
function requireUserParty(c: Context<AppEnv>): string {
  const party = partyOf(c);
  if (!party.startsWith('u:')) throw new AtriumError('unauthorized', 'Sign in as a user.');
  return party.slice(2);
}

/** Chats over HTTP for the shell and the merchant console, and the inbox stream. */
export function messagingRoutes(m: Messaging, options: { inviteUrl(code: string): string }) {
  const app = apiRoutes();
  const streams = streamLimits();
  const inviteView = (i: Awaited<ReturnType<Messaging['groups']['invite']>>) => ({ ...i, url: options.inviteUrl(i.code) });

  // Fixed paths first: /api/chats/stream is not a conversation called "stream".
  // The invite's link as a QR code to print or show: anyone holding the code may draw it.
  app.get('/api/invites/:code/qr.png', async function inviteQr(c) {
    const invite = c.req.param('code');
    if (!/^[\w-]{1,64}$/.test(invite)) throw new AtriumError('invalid_request', 'That is not an invite code.');
    await m.groups.preview(invite);
    const png = await QRCode.toBuffer(options.inviteUrl(invite), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=300' });
  });

  // Images: the bytes are the body (Content-Type is not trusted; the bytes say what they are).
  app.post('/api/chats/images', async function uploadImage(c) {
    const party = partyOf(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await m.images.upload(party, bytes), 200);
  });
  app.get('/api/chats/images/:imageId', async function image(c) {
    const party = partyOf(c);
    const imageId = c.req.param('imageId');
    if (!/^img_[\w]{1,60}$/.test(imageId)) throw new AtriumError('not_found', 'No such image.');
    const img = await m.images.read(party, imageId);
    return c.body(new Uint8Array(img.data) as Uint8Array<ArrayBuffer>, 200, { 'content-type': img.mime, 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' });
  });

  // Every conversation of mine as one stream: Last-Event-ID resumes it exactly; a gap (a
  // reconnect after the inbox was trimmed) starts with `resync`, and the client reloads its lists.
  app.get('/api/chats/stream', async function inbox(c) {
    const party = partyOf(c);
    const release = streams.take(party);
    return streamFeed<InboxEvent | { t: 'resync' }>(c, {
      feed: m.inbox(party),
      lastEventId: lastEventIdOf(c),
      start: () => [{ t: 'resync' }],
      event: (e) => e.t,
      onClose: release,
    });
  });
  app.openapi(routes.list, async (c) => {
    const { kind, status } = c.req.valid('query');
    const all = await m.conversations.list(partyOf(c), { kind });
    return c.json({ conversations: status ? all.filter((x) => x.status === status) : all }, 200);
  });
  app.openapi(routes.status, async (c) => {
    await m.threads.setStatus(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json').status);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.follow, async (c) => {
    await m.follows.follow(requireUserParty(c), c.req.valid('param').merchantId);
    return c.json({ following: true }, 200);
  });
  app.openapi(routes.unfollow, async (c) => {
    await m.follows.unfollow(requireUserParty(c), c.req.valid('param').merchantId);
    return c.json({ following: false }, 200);
  });
  app.openapi(routes.serviceChat, async (c) => {
    const userId = requireUserParty(c);
    const { merchantId } = c.req.valid('param');
    if (!(await m.follows.exists(merchantId))) throw new AtriumError('not_found', 'No such merchant.');
    const id = await m.threads.open(userId, merchantId);
    return c.json({ conversation: await m.conversations.get(userParty(userId), id) }, 200);
  });
  app.openapi(routes.get, async (c) => c.json({ conversation: await m.conversations.get(partyOf(c), c.req.valid('param').conversationId) }, 200));
  app.openapi(routes.createGroup, async (c) => {
    const party = partyOf(c);
    const input = c.req.valid('json');
    const merchantId = party.startsWith('m:') ? party.slice(2) : undefined;
    const id = await m.conversations.createGroup(party, { ...input, merchantId });
    return c.json({ conversation: await m.conversations.get(party, id) }, 200);
  });
  app.openapi(routes.direct, async (c) => {
    const party = partyOf(c);
    const other = c.req.valid('json').with as PartyId;
    const id = await m.conversations.directWith(party, other);
    return c.json({ conversation: await m.conversations.get(party, id) }, 200);
  });
  app.openapi(routes.messages, async (c) => c.json({ messages: await m.messages.history(partyOf(c), c.req.valid('param').conversationId, c.req.valid('query')) }, 200));
  app.openapi(routes.send, async (c) => c.json({ message: await m.send(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json')) }, 200));
  app.openapi(routes.read, async (c) => c.json(await m.messages.markRead(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json').seq), 200));
  app.openapi(routes.members, async (c) => c.json({ members: await m.conversations.members(partyOf(c), c.req.valid('param').conversationId) }, 200));
  app.openapi(routes.leave, async (c) => {
    await m.groups.leave(partyOf(c), c.req.valid('param').conversationId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.remove, async (c) => {
    const { conversationId, memberId } = c.req.valid('param');
    await m.groups.remove(partyOf(c), conversationId, memberId as PartyId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.role, async (c) => {
    const { conversationId, memberId } = c.req.valid('param');
    await m.groups.setRole(partyOf(c), conversationId, memberId as PartyId, c.req.valid('json').role);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.mute, async (c) => {
    const { conversationId, memberId } = c.req.valid('param');
    await m.groups.mute(partyOf(c), conversationId, memberId as PartyId, c.req.valid('json').minutes);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.muteAll, async (c) => {
    await m.groups.muteAll(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json').on);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.transfer, async (c) => {
    await m.groups.transfer(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json').to as PartyId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.invite, async (c) => c.json({ invite: inviteView(await m.groups.invite(partyOf(c), c.req.valid('param').conversationId, c.req.valid('json'))) }, 200));
  app.openapi(routes.report, async (c) => {
    const { conversationId, seq } = c.req.valid('param');
    return c.json(await m.reports.report(partyOf(c), conversationId, seq, c.req.valid('json').reason), 200);
  });
  app.openapi(routes.preview, async (c) => {
    partyOf(c);
    return c.json(await m.groups.preview(c.req.valid('param').code), 200);
  });
  app.openapi(routes.join, async (c) => {
    const party = partyOf(c);
    const { conversationId } = await m.groups.joinByInvite(party, c.req.valid('param').code);
    return c.json({ conversation: await m.conversations.get(party, conversationId) }, 200);
  });
  app.openapi(routes.revoke, async (c) => {
    await m.groups.revokeInvite(partyOf(c), c.req.valid('param').code);
    return c.json({ ok: true as const }, 200);
  });

  return app;
}

export { routes as messagingRouteTable };
