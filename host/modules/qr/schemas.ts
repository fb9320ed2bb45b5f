import { z } from '@hono/zod-openapi';

const label = z.string().trim().min(1).max(60);
const page = z.string().min(1).max(120).regex(/^[\w/-]+$/, 'a page path like pages/menu');
const query = z.record(z.string().max(40).regex(/^[\w-]+$/), z.string().max(200)).refine((q) => Object.keys(q).length <= 10, 'at most 10 query values');
const channel = z.enum(['print', 'poster', 'table', 'badge', 'live', 'share', 'online', 'other']);
const actions = z
  .object({
    tags: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
    group: z.string().min(1).max(64).regex(/^[\w-]+$/).optional(),
    welcome: z.string().trim().min(1).max(1000).optional(),
    assignStaff: z.boolean().optional(),
  })
  .strict();

/** What a code carries: its program and page, a scene of any reasonable length, and the labels it is counted by. */
export const CodeInput = z
  .object({
    appId: z.string().min(1).max(100),
    page: page.optional(),
    query: query.optional(),
    scene: z.string().min(1).max(8192).openapi({ description: 'Handed to the program as it is; far beyond the 32 characters some platforms allow' }),
    name: label,
    campaign: label.optional(),
    store: label.optional(),
    staff: label.optional(),
    channel: channel.default('print'),
    expiresAt: z.iso.datetime().optional(),
    maxScans: z.number().int().min(1).max(10_000_000).optional(),
    actions: actions.optional(),
  })
  .strict();

export const BatchInput = z
  .object({
    appId: z.string().min(1).max(100),
    page: page.optional(),
    query: query.optional(),
    campaign: label.optional(),
    store: label.optional(),
    channel: channel.default('print'),
    expiresAt: z.iso.datetime().optional(),
    maxScans: z.number().int().min(1).max(10_000_000).optional(),
    actions: actions.optional(),
    items: z.array(z.object({ name: label, scene: z.string().min(1).max(8192), staff: label.optional(), store: label.optional() }).strict()).min(1).max(500),
  })
  .strict();

export const CodeSchema = z
  .object({
    codeId: z.string(),
    appId: z.string(),
    page: z.string(),
    query: z.record(z.string(), z.string()),
    scene: z.string(),
    name: z.string(),
    campaign: z.string().nullable(),
    store: z.string().nullable(),
    staff: z.string().nullable(),
    channel,
    batchId: z.string().nullable(),
    expiresAt: z.string().nullable(),
    maxScans: z.number().int().nullable(),
    scans: z.number().int(),
    uniques: z.number().int(),
    paused: z.boolean(),
    actions,
    state: z.enum(['live', 'paused', 'expired', 'used_up']),
    createdAt: z.string(),
    url: z.string().openapi({ description: 'The link the code stands for' }),
  })
  .openapi('QrCode');

export const ReportRowSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    codes: z.number().int(),
    scans: z.number().int(),
    scanners: z.number().int(),
    newCustomers: z.number().int(),
    payingCustomers: z.number().int(),
    orders: z.number().int(),
    firstOrders: z.number().int(),
    revenue: z.record(z.string(), z.number().int()),
    conversion: z.number(),
  })
  .openapi('QrReportRow');

export const Dimension = z.enum(['code', 'campaign', 'store', 'staff', 'channel']);
