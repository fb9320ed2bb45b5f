import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ErrorBody } from '../../../sdk/contract/index.ts';
import { apiRoutes, errorResponses, json, jsonBody, requireAdmin, signedIn, type AppEnv } from '../../http/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { ReviewItem } from './review.ts';
import { AppIdParam, AppViewSchema, ApproveInput, AuditEntrySchema, LicenceInput, Reason, RejectInput, ReviewItemSchema, VersionViewSchema, type MerchantRef } from './schemas.ts';
import type { Actor } from './store.ts';
import type { AuditEntry } from './views.ts';

const tags = ['admin'];
const appParams = z.object({ appId: AppIdParam });
const versionParams = z.object({ versionId: z.string().min(1).max(64) });
const auditActions = [
  'app.create', 'app.update', 'app.suspend', 'app.reinstate', 'app.licence', 'version.submit', 'version.withdraw',
  'version.approve', 'version.reject', 'release.gray', 'release.full', 'release.rollback',
] as const;

const routes = {
  queue: createRoute({ method: 'get', path: '/api/admin/reviews', tags, summary: 'Versions waiting for review, oldest first', security: signedIn, responses: { 200: json(z.object({ items: z.array(ReviewItemSchema) })), ...errorResponses(401) } }),
  item: createRoute({
    method: 'get',
    path: '/api/admin/reviews/{versionId}',
    tags,
    summary: 'One version under review: app, merchant, manifest, scopes, checks, size and diff',
    security: signedIn,
    request: { params: versionParams },
    responses: { 200: json(z.object({ item: ReviewItemSchema })), ...errorResponses(401, 404) },
  }),
  approve: createRoute({
    method: 'post',
    path: '/api/admin/reviews/{versionId}/approve',
    tags,
    summary: 'Approve a version; its merchant may release it',
    security: signedIn,
    request: { params: versionParams, body: jsonBody(ApproveInput) },
    responses: { 200: json(z.object({ item: ReviewItemSchema })), ...errorResponses(400, 401, 404, 409) },
  }),
  reject: createRoute({
    method: 'post',
    path: '/api/admin/reviews/{versionId}/reject',
    tags,
    summary: 'Reject a version with reasons that point at its pages or scopes',
    security: signedIn,
    request: { params: versionParams, body: jsonBody(RejectInput) },
    responses: { 200: json(z.object({ item: ReviewItemSchema })), ...errorResponses(400, 401, 404, 409) },
  }),
  apps: createRoute({
    method: 'get',
    path: '/api/admin/apps',
    tags,
    summary: 'Every app, by a search over id, name and merchant, and by status',
    security: signedIn,
    request: { query: z.object({ search: z.string().max(100).optional(), status: z.enum(['active', 'suspended']).optional() }) },
    responses: { 200: json(z.object({ apps: z.array(AppViewSchema) })), ...errorResponses(400, 401) },
  }),
  app: createRoute({
    method: 'get',
    path: '/api/admin/apps/{appId}',
    tags,
    summary: "An app's history: its versions and everything done to it",
    security: signedIn,
    request: { params: appParams },
    responses: { 200: json(z.object({ app: AppViewSchema, merchant: z.custom<MerchantRef>().openapi({ type: 'object' }), versions: z.array(VersionViewSchema), audit: z.array(AuditEntrySchema) })), ...errorResponses(401, 404) },
  }),
  suspend: createRoute({
    method: 'post',
    path: '/api/admin/apps/{appId}/suspend',
    tags,
    summary: 'Suspend an app: out of the directory, live sessions end with a notice, links show a suspended page',
    security: signedIn,
    request: { params: appParams, body: jsonBody(Reason) },
    responses: { 200: json(z.object({ app: AppViewSchema, endedSessions: z.number() })), ...errorResponses(400, 401, 404, 409) },
  }),
  reinstate: createRoute({
    method: 'post',
    path: '/api/admin/apps/{appId}/reinstate',
    tags,
    summary: 'Reinstate a suspended app',
    security: signedIn,
    request: { params: appParams, body: jsonBody(Reason) },
    responses: { 200: json(z.object({ app: AppViewSchema })), ...errorResponses(400, 401, 404, 409) },
  }),
  licence: createRoute({
    method: 'post',
    path: '/api/admin/apps/{appId}/licence',
    tags,
    summary: 'Grant or withdraw the licence a restricted category needs',
    security: signedIn,
    request: { params: appParams, body: jsonBody(LicenceInput) },
    responses: { 200: json(z.object({ app: AppViewSchema })), ...errorResponses(400, 401, 404) },
  }),
  audit: createRoute({
    method: 'get',
    path: '/api/admin/audit',
    tags,
    summary: 'The audit log, newest first: who did what, when and why',
    security: signedIn,
    request: {
      query: z.object({
        appId: AppIdParam.optional(),
        actorKind: z.enum(['merchant', 'admin', 'system']).optional(),
        action: z.enum(auditActions).optional(),
        before: z.string().max(64).optional().openapi({ description: 'The id of the last entry of the previous page' }),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
    },
    responses: { 200: json(z.object({ entries: z.array(AuditEntrySchema) })), ...errorResponses(400, 401) },
  }),
};

const admin = (c: Context<AppEnv>): Actor => ({ id: requireAdmin(c).id, kind: 'admin' });

export interface AdminRouteDeps {
  lifecycle: Lifecycle;
  /** Who an account id is, for people reading the queue and the log. */
  account(id: string): Promise<{ email: string; displayName: string } | undefined>;
  /** Ends every live session of a suspended app with `reason`; resolves to how many. */
  endSessions(appId: string, reason: ErrorBody): Promise<number>;
}

/** The admin console's API: review, suspension, licences and the audit log. */
export function adminRoutes(deps: AdminRouteDeps) {
  const { lifecycle } = deps;
  const app = apiRoutes();
  // Names for the ids on one answer; each looked up once.
  const namer = () => {
    const seen = new Map<string, Promise<{ email: string; displayName: string } | undefined>>();
    return (id: string) => {
      if (!seen.has(id)) seen.set(id, deps.account(id).catch(() => undefined));
      return seen.get(id)!;
    };
  };
  const withMerchant = async (item: ReviewItem, name: ReturnType<typeof namer>) => {
    const m = await name(item.app.merchantId);
    return { ...item, merchant: { id: item.app.merchantId, email: m?.email ?? null, displayName: m?.displayName ?? null } };
  };
  const withActor = async (e: AuditEntry, name: ReturnType<typeof namer>) => {
    const a = e.actorKind === 'system' ? undefined : await name(e.actorId);
    return { ...e, actorName: e.actorKind === 'system' ? 'Atrium' : (a?.displayName ?? null), actorEmail: a?.email ?? null };
  };

  app.openapi(routes.queue, async (c) => {
    admin(c);
    const name = namer();
    return c.json({ items: await Promise.all((await lifecycle.queue()).map((i) => withMerchant(i, name))) }, 200);
  });
  app.openapi(routes.item, async (c) => {
    admin(c);
    return c.json({ item: await withMerchant(await lifecycle.item(c.req.valid('param').versionId), namer()) }, 200);
  });
  app.openapi(routes.approve, async (c) => {
    const actor = admin(c);
    return c.json({ item: await withMerchant(await lifecycle.approve(actor, c.req.valid('param').versionId, c.req.valid('json').note), namer()) }, 200);
  });
  app.openapi(routes.reject, async (c) => {
    const actor = admin(c);
    return c.json({ item: await withMerchant(await lifecycle.reject(actor, c.req.valid('param').versionId, c.req.valid('json').reasons), namer()) }, 200);
  });
  app.openapi(routes.apps, async (c) => {
    admin(c);
    return c.json({ apps: await lifecycle.allApps(c.req.valid('query')) }, 200);
  });
  app.openapi(routes.app, async (c) => {
    const actor = admin(c);
    const h = await lifecycle.history(actor, c.req.valid('param').appId);
    const name = namer();
    const m = await name(h.app.merchantId);
    return c.json({ ...h, merchant: { id: h.app.merchantId, email: m?.email ?? null, displayName: m?.displayName ?? null }, audit: await Promise.all(h.audit.map((e) => withActor(e, name))) }, 200);
  });
  app.openapi(routes.suspend, async (c) => {
    const actor = admin(c);
    const { appId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const suspended = await lifecycle.suspend(actor, appId, reason);
    const endedSessions = await deps.endSessions(appId, { code: 'app_suspended', message: `${suspended.name} has been suspended by the platform: ${reason}`, details: { reason } });
    return c.json({ app: suspended, endedSessions }, 200);
  });
  app.openapi(routes.reinstate, async (c) => c.json({ app: await lifecycle.reinstate(admin(c), c.req.valid('param').appId, c.req.valid('json').reason) }, 200));
  app.openapi(routes.licence, async (c) => {
    const { granted, reason } = c.req.valid('json');
    return c.json({ app: await lifecycle.licence(admin(c), c.req.valid('param').appId, granted, reason) }, 200);
  });
  app.openapi(routes.audit, async (c) => {
    admin(c);
    const name = namer();
    return c.json({ entries: await Promise.all((await lifecycle.auditLog(c.req.valid('query'))).map((e) => withActor(e, name))) }, 200);
  });
  return app;
}
