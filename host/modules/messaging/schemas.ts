import { z } from '@hono/zod-openapi';
import { currencyExponents } from '../../../sdk/contract/currencies.ts';

const id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits and . : _ -');
const route = z.string().min(1).max(120).regex(/^[\w/-]+$/, 'a page path like pages/item');
const query = z.record(z.string().max(40).regex(/^[\w-]+$/), z.string().max(200)).refine((q) => Object.keys(q).length <= 10, 'at most 10 query values');
const title = z.string().trim().min(1).max(80);
const currency = z.enum(Object.keys(currencyExponents) as [string, ...string[]]);

/** The sender's own id for a message: sent again (a retry), it is the same message. */
const clientId = z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/).optional();

/** What a member may send: the kinds and their content, each checked at the door. */
export const SendInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(4000), clientId }).strict(),
    z.object({ kind: z.literal('image'), imageId: id, clientId }).strict(),
    z.object({ kind: z.literal('product'), title, price: z.object({ amount: z.number().int().min(0).max(100_000_000_00), currency }).strict(), appId: id, page: route, query: query.optional(), imageId: id.optional(), clientId }).strict(),
    z.object({ kind: z.literal('program'), title, appId: id, page: route, query: query.optional(), imageId: id.optional(), clientId }).strict(),
  ])
  .openapi('SendMessage');

export type SendInput = z.output<typeof SendInput>;

export const GroupInput = z
  .object({
    title: z.string().trim().min(1).max(60),
    /** A merchant's name for a customer group, what programs call it. */
    handle: z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, _ and -').optional(),
    memberCap: z.number().int().min(2).max(2000).optional(),
    open: z.boolean().optional(),
  })
  .strict();

export const InviteInput = z.object({ expiresInHours: z.number().int().min(1).max(24 * 30).optional(), maxUses: z.number().int().min(1).max(10_000).optional() }).strict();

const party = z.string().regex(/^[um]:[\w-]+$/).openapi({ description: 'A user (u:<id>) or a merchant (m:<id>)' });

export const MessageSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    seq: z.number().int().openapi({ description: 'Numbered 1, 2, 3… per conversation' }),
    sender: z.object({ id: z.string().openapi({ description: 'A party, or "system" for what the group itself says' }), name: z.string() }),
    kind: z.enum(['text', 'image', 'product', 'program', 'system', 'notice']),
    body: z.record(z.string(), z.unknown()).nullable().openapi({
      description:
        "The kind's content; null once removed by a moderator. A notice's (NoticeBody in messaging's browser door): { appId, appName, templateId, title, fields: [{ key, label, type, value }], page, query }, opening the app at page with query",
    }),
    sentAt: z.string(),
    removed: z.boolean(),
  })
  .openapi('Message');

export const ConversationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['group', 'direct', 'service', 'notices']),
    title: z.string(),
    handle: z.string().nullable(),
    merchantId: z.string().nullable(),
    role: z.enum(['owner', 'admin', 'member']),
    memberCount: z.number().int(),
    lastSeq: z.number().int(),
    unread: z.number().int(),
    lastMessage: MessageSchema.nullable(),
    muteAll: z.boolean(),
    mutedUntil: z.string().nullable(),
    status: z.enum(['open', 'pending', 'resolved']).nullable(),
    open: z.boolean(),
  })
  .openapi('Conversation');

export const MemberSchema = z.object({ id: party, name: z.string(), role: z.enum(['owner', 'admin', 'member']), joinedAt: z.string(), mutedUntil: z.string().nullable() }).openapi('Member');

export const InviteSchema = z
  .object({ code: z.string(), conversationId: z.string(), expiresAt: z.string(), maxUses: z.number().int().nullable(), uses: z.number().int(), url: z.string().openapi({ description: 'The link to share; its QR code is at /api/invites/{code}/qr.png' }) })
  .openapi('Invite');

export const ReportSchema = z
  .object({ reportId: z.string(), conversationId: z.string(), seq: z.number().int(), reason: z.string(), status: z.enum(['open', 'removed', 'dismissed']), reportedAt: z.string(), message: MessageSchema.nullable() })
  .openapi('Report');

export const PartyParam = party;
