import { z } from '@hono/zod-openapi';
import { templateIdSchema } from '../../../sdk/contract/index.ts';

const route = z.string().min(1).max(120).regex(/^[\w/-]+$/, 'a page path like pages/order');
const query = z
  .record(z.string().min(1).max(40).regex(/^[\w-]+$/, 'letters, digits, _ and -'), z.string().max(200))
  .refine((q) => Object.keys(q).length <= 10, 'at most 10 query values');

/** A merchant's backend sends one message of one template to one user. */
export const SendInput = z
  .object({
    openid: z.string().min(1).max(128).regex(/^[\w-]+$/, 'an openid as the login-code exchange gave it').openapi({ description: 'The user as your app sees them' }),
    // The contract's schema is made before zod learns .openapi(); describe() documents it as well.
    templateId: templateIdSchema.describe("One of the templates under subscriptions in the app's atrium.json"),
    fields: z.record(z.string().max(32), z.unknown()).openapi({
      description: 'A value for every field of the template, by key, of its type: text a string (≤ 100 characters), number a number, money { amount (integer minor units), currency }, date "2026-12-08" or "2026-12-08T10:30:00+08:00"',
    }),
    page: route.openapi({ description: 'The page a tap on the notice opens: one of the pages of the version the user gets' }),
    query: query.optional().openapi({ description: 'The query the page opens with' }),
  })
  .strict()
  .openapi('SubscriptionMessageInput');

export type SendInput = z.output<typeof SendInput>;

export const SentMessageSchema = z
  .object({ id: z.string(), appId: z.string(), openid: z.string(), templateId: z.string(), page: z.string(), sentAt: z.string() })
  .openapi('SubscriptionMessage');

export const SubscriptionSchema = z
  .object({
    appId: z.string(),
    appName: z.string(),
    templateId: z.string(),
    title: z.string().openapi({ description: 'The template as the user last accepted it' }),
    unused: z.number().int().openapi({ description: 'Messages the app may still send of this template: one per acceptance not yet used' }),
    lastAcceptedAt: z.string(),
  })
  .openapi('Subscription');

export const AppParam = z.object({ appId: z.string().min(1).max(128) });
export const TemplateParam = AppParam.extend({ templateId: templateIdSchema });
