import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { formatMoney } from '../../../lib/money.ts';
import { apiRoutes, errorResponses, json, jsonBody, requireTeam, requireUser, signedIn, type AppEnv } from '../../http/index.ts';
import type { CodeView } from './codes.ts';
import { reportCsv } from './reports.ts';
import { BatchInput, CodeInput, CodeSchema, Dimension, ReportRowSchema } from './schemas.ts';
import type { Qr } from './service.ts';
import { printSheet } from './sheet.ts';


/** The merchant's owners and managers run QR codes and read their numbers. */
const managerOf = (c: Parameters<typeof requireTeam>[0]) => requireTeam(c, ['owner', 'manager']).merchantId;
const tags = ['qr'];
const codeParam = z.object({ codeId: z.string().min(1).max(40).regex(/^[A-Za-z0-9]+$/) });
const imageQuery = z.object({ format: z.enum(['png', 'svg']).default('png'), size: z.coerce.number().int().min(64).max(4096).default(512), level: z.enum(['L', 'M', 'Q', 'H']).default('M') });
const Visitor = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).openapi({ description: "A signed-out browser's own random id, kept by it" });

const routes = {
  create: createRoute({ method: 'post', path: '/api/merchant/qr/codes', tags, security: signedIn, summary: 'Make a code for one of my programs and a page, with a scene and the labels it is counted by', request: { body: jsonBody(CodeInput) }, responses: { 200: json(z.object({ code: CodeSchema })), ...errorResponses(400, 401, 404) } }),
  batch: createRoute({ method: 'post', path: '/api/merchant/qr/batches', tags, security: signedIn, summary: 'Make up to 500 codes at once (one per table or staff member), printable as one sheet', request: { body: jsonBody(BatchInput) }, responses: { 200: json(z.object({ batchId: z.string(), codes: z.array(CodeSchema) })), ...errorResponses(400, 401, 404) } }),
  list: createRoute({
    method: 'get', path: '/api/merchant/qr/codes', tags, security: signedIn, summary: 'My codes, newest first',
    request: { query: z.object({ batchId: z.string().max(64).optional(), campaign: z.string().max(60).optional(), appId: z.string().max(100).optional(), before: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
    responses: { 200: json(z.object({ codes: z.array(CodeSchema) })), ...errorResponses(400, 401) },
  }),
  get: createRoute({ method: 'get', path: '/api/merchant/qr/codes/{codeId}', tags, security: signedIn, summary: 'One of my codes', request: { params: codeParam }, responses: { 200: json(z.object({ code: CodeSchema })), ...errorResponses(401, 404) } }),
  update: createRoute({
    method: 'patch', path: '/api/merchant/qr/codes/{codeId}', tags, security: signedIn, summary: 'Pause or resume a code, or change its name, expiry or cap (what it opens never changes)',
    request: { params: codeParam, body: jsonBody(z.object({ paused: z.boolean().optional(), name: z.string().trim().min(1).max(60).optional(), expiresAt: z.iso.datetime().nullable().optional(), maxScans: z.number().int().min(1).max(10_000_000).nullable().optional() }).strict()) },
    responses: { 200: json(z.object({ code: CodeSchema })), ...errorResponses(400, 401, 404) },
  }),
  report: createRoute({
    method: 'get', path: '/api/merchant/qr/report', tags, security: signedIn, summary: 'Scans, scanners, new and paying customers, orders and revenue per code, campaign, store, staff member or channel (CSV with format=csv)',
    request: { query: z.object({ by: Dimension.default('code'), appId: z.string().max(100).optional(), campaign: z.string().max(60).optional(), format: z.enum(['json', 'csv']).default('json') }) },
    responses: { 200: json(z.object({ rows: z.array(ReportRowSchema) })), ...errorResponses(400, 401) },
  }),
  daily: createRoute({
    method: 'get', path: '/api/merchant/qr/daily', tags, security: signedIn, summary: 'Counted scans per day, for a chart',
    request: { query: z.object({ codeIds: z.string().max(4000).optional().openapi({ description: 'Comma-separated code ids; all of mine when left out' }), from: z.iso.date().optional(), to: z.iso.date().optional() }) },
    responses: { 200: json(z.object({ days: z.array(z.object({ day: z.string(), scans: z.number().int() })) })), ...errorResponses(400, 401) },
  }),
  landing: createRoute({
    method: 'get', path: '/api/qr/{codeId}', tags, summary: 'What a code opens, for the page a scan lands on (anyone holding the code, signed in or not)',
    request: { params: codeParam },
    responses: { 200: json(z.object({ codeId: z.string(), appId: z.string(), appName: z.string(), merchantName: z.string(), page: z.string(), state: z.enum(['live', 'paused', 'expired', 'used_up', 'suspended']) })), ...errorResponses(404) },
  }),
  scan: createRoute({
    method: 'post', path: '/api/qr/{codeId}/scan', tags, summary: 'Record a scan, by the signed-in user or a visitor; a user then opens the program with via.scan',
    request: { params: codeParam, body: jsonBody(z.object({ visitorId: Visitor.optional(), source: z.enum(['scan', 'upload', 'link']).default('scan') }).strict()) },
    responses: { 200: json(z.object({ scanId: z.string().nullable(), appId: z.string(), page: z.string(), query: z.record(z.string(), z.string()), counted: z.boolean() })), ...errorResponses(400, 404, 410) },
  }),
  claim: createRoute({ method: 'post', path: '/api/qr/claim', tags, security: signedIn, summary: 'Make what this browser scanned signed out mine, now that I signed in', request: { body: jsonBody(z.object({ visitorId: Visitor }).strict()) }, responses: { 200: json(z.object({ codes: z.number().int() })), ...errorResponses(400, 401) } }),
};

export interface QrRouteDeps {
  /** The program a merchant makes a code for must be theirs, and the page one of its pages. */
  checkTarget(merchantId: string, appId: string, page: string | undefined): Promise<string>;
  /** What a landing page says about a code's program and merchant, and whether the platform suspended the program. */
  names(appId: string, merchantId: string): Promise<{ appName: string; merchantName: string; suspended: boolean }>;
}

/** QR codes over HTTP: the merchant's codes, images, sheets and numbers; the scan and its landing for everyone. */
export function qrRoutes(qr: Qr, deps: QrRouteDeps) {
  const app = apiRoutes();
  const withUrl = (c: CodeView) => ({ ...c, url: qr.codes.linkOf(c.codeId) });
  const viewer = (c: Context<AppEnv>) => c.get('principal');

  // Images and sheets first: fixed paths are not codes.
  app.get('/api/qr/sheet.css', (c) => c.body(printSheet.css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/api/merchant/qr/batches/:batchId/sheet', async function sheet(c) {
    const merchantId = managerOf(c);
    const codes = await qr.codes.list(merchantId, { batchId: c.req.param('batchId'), limit: 1000 });
    if (!codes.length) throw new AtriumError('not_found', 'No such batch.');
    const html = await printSheet.html(codes, (id) => qr.codes.image(id, { format: 'svg', size: 240, level: 'Q' }).then((i) => String(i.body)));
    return c.body(html, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:" });
  });
  app.get('/api/qr/:codeId/image', async function image(c) {
    const codeId = codeParam.parse({ codeId: c.req.param('codeId') }).codeId;
    const q = imageQuery.safeParse(c.req.query());
    if (!q.success) throw new AtriumError('invalid_request', 'An image is format png or svg, size 64 to 4096, level L, M, Q or H.');
    if (!(await qr.codes.find(codeId))) throw new AtriumError('not_found', 'No such code.');
    const img = await qr.codes.image(codeId, q.data);
    return c.body(img.body as never, 200, { 'content-type': img.type, 'cache-control': 'public, max-age=86400' });
  });

  app.openapi(routes.create, async (c) => {
    const merchantId = managerOf(c);
    const input = c.req.valid('json');
    const page = await deps.checkTarget(merchantId, input.appId, input.page);
    return c.json({ code: withUrl(await qr.codes.create(merchantId, { ...input, page })) }, 200);
  });
  app.openapi(routes.batch, async (c) => {
    const merchantId = managerOf(c);
    const { items, ...shared } = c.req.valid('json');
    const page = await deps.checkTarget(merchantId, shared.appId, shared.page);
    const made = await qr.codes.batch(merchantId, { ...shared, page }, items);
    return c.json({ batchId: made.batchId, codes: made.codes.map(withUrl) }, 200);
  });
  app.openapi(routes.list, async (c) => c.json({ codes: (await qr.codes.list(managerOf(c), c.req.valid('query'))).map(withUrl) }, 200));
  app.openapi(routes.get, async (c) => c.json({ code: withUrl(await qr.codes.get(managerOf(c), c.req.valid('param').codeId)) }, 200));
  app.openapi(routes.update, async (c) => c.json({ code: withUrl(await qr.codes.update(managerOf(c), c.req.valid('param').codeId, c.req.valid('json'))) }, 200));
  app.openapi(routes.report, async (c) => {
    const merchantId = managerOf(c);
    const { by, format, ...filter } = c.req.valid('query');
    const rows = await qr.reports.report(merchantId, by, filter);
    if (format === 'csv') {
      const csv = reportCsv(rows, by, (minor, currency) => formatMoney(minor, currency).replace(/[^\d.,-]/g, '').replace(/,/g, ''));
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="qr-${by}.csv"` }) as never;
    }
    return c.json({ rows }, 200);
  });
  app.openapi(routes.daily, async (c) => {
    const { codeIds, from, to } = c.req.valid('query');
    return c.json({ days: await qr.reports.daily(managerOf(c), { codeIds: codeIds?.split(',').filter(Boolean), from, to }) }, 200);
  });
  app.openapi(routes.landing, async (c) => {
    const code = await qr.codes.find(c.req.valid('param').codeId);
    if (!code) throw new AtriumError('not_found', 'No such code.');
    const view = await qr.codes.get(code.merchant_id, code.id);
    const { suspended, ...names } = await deps.names(code.app_id, code.merchant_id);
    return c.json({ codeId: code.id, appId: code.app_id, page: code.page, state: suspended ? ('suspended' as const) : view.state, ...names }, 200);
  });
  app.openapi(routes.scan, async (c) => {
    const principal = viewer(c);
    const { visitorId, source } = c.req.valid('json');
    const userId = principal?.kind === 'user' ? principal.id : undefined;
    if (!userId && !visitorId) throw new AtriumError('invalid_request', 'Scanning signed out needs the visitorId your browser keeps.');
    const { codeId } = c.req.valid('param');
    const target = await qr.codes.find(codeId);
    if (target) {
      const { suspended, appName } = await deps.names(target.app_id, target.merchant_id);
      if (suspended) throw new AtriumError('app_suspended', `${appName} has been suspended by the platform.`);
    }
    const r = await qr.scan(codeId, userId ? { userId } : { visitorId }, source);
    // A visitor gets no scan id: opening the program waits for them to sign in and claim it.
    return c.json({ scanId: userId ? r.scanId : null, appId: r.code.app_id, page: r.code.page, query: JSON.parse(r.code.query) as Record<string, string>, counted: r.counted }, 200);
  });
  app.openapi(routes.claim, async (c) => c.json({ codes: await qr.claim(c.req.valid('json').visitorId, requireUser(c).id) }, 200));
  return app;
}
