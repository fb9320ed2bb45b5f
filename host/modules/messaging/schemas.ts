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
