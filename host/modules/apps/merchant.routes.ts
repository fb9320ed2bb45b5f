import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireMerchant, signedIn } from '../../http/index.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Actor } from './store.ts';
import { AppIdParam, AppInput, AppPatch, AppViewSchema, ReleaseInput, ReleaseStateSchema, RollbackInput, SubmitInput, VersionParam, VersionViewSchema } from './schemas.ts';

const tags = ['merchant'];
const appParams = z.object({ appId: AppIdParam });
const Secret = z.object({ appId: z.string(), appSecret: z.string().openapi({ description: 'Shown once; keep it on your server' }) });

const routes = {
  list: createRoute({ method: 'get', path: '/api/merchant/apps', tags, summary: 'Your apps', security: signedIn, responses: { 200: json(z.object({ apps: z.array(AppViewSchema) })), ...errorResponses(401) } }),
  create: createRoute({
    method: 'post',
    path: '/api/merchant/apps',
    tags,
    summary: 'Create an app: its id and, once, its secret',
    security: signedIn,
    request: { body: jsonBody(AppInput) },
    responses: { 201: json(z.object({ app: AppViewSchema, secret: Secret })), ...errorResponses(400, 401, 409, 413) },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/merchant/apps/{appId}',
    tags,
    summary: 'One of your apps with its versions, checks and decisions',
    security: signedIn,
    request: { params: appParams },
    responses: { 200: json(z.object({ app: AppViewSchema, versions: z.array(VersionViewSchema) })), ...errorResponses(401, 404) },
  }),
  update: createRoute({
    method: 'patch',
    path: '/api/merchant/apps/{appId}',
    tags,
    summary: "Change an app's name, category, description or icon",
    security: signedIn,
    request: { params: appParams, body: jsonBody(AppPatch) },
    responses: { 200: json(z.object({ app: AppViewSchema })), ...errorResponses(400, 401, 404, 413) },
  }),
  rotateSecret: createRoute({
    method: 'post',
    path: '/api/merchant/apps/{appId}/secret',
    tags,
    summary: "Replace the app's secret; the old one stops working at once",
    security: signedIn,
    request: { params: appParams },
    responses: { 200: json(z.object({ secret: Secret })), ...errorResponses(401, 404) },
  }),
  versions: createRoute({
    method: 'get',
    path: '/api/merchant/apps/{appId}/versions',
    tags,
    summary: 'Versions, newest first, with status, checks and review decision',
    security: signedIn,
    request: { params: appParams },
    responses: { 200: json(z.object({ versions: z.array(VersionViewSchema) })), ...errorResponses(401, 404) },
  }),
  submit: createRoute({
    method: 'post',
    path: '/api/merchant/apps/{appId}/versions',
    tags,
    summary: 'Submit a built version: the automated checks run, then it waits for review',
    security: signedIn,
    request: { params: appParams, body: jsonBody(SubmitInput) },
    responses: { 201: json(z.object({ version: VersionViewSchema })), ...errorResponses(400, 401, 404, 409, 413, 422) },
  }),
  withdraw: createRoute({
    method: 'post',
    path: '/api/merchant/apps/{appId}/versions/{version}/withdraw',
    tags,
    summary: 'Take a version back out of review',
    security: signedIn,
    request: { params: appParams.extend({ version: VersionParam }) },
    responses: { 200: json(z.object({ version: VersionViewSchema })), ...errorResponses(401, 404, 409) },
  }),
  release: createRoute({
    method: 'post',
    path: '/api/merchant/apps/{appId}/release',
    tags,
    summary: 'Release an approved version to everyone, or to a growing share of users',
    security: signedIn,
    request: { params: appParams, body: jsonBody(ReleaseInput) },
    responses: { 200: json(z.object({ release: ReleaseStateSchema })), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  rollback: createRoute({
    method: 'post',
    path: '/api/merchant/apps/{appId}/rollback',
    tags,
    summary: 'Call off a gray release, or return everyone to a version released before',
    security: signedIn,
    request: { params: appParams, body: jsonBody(RollbackInput) },
    responses: { 200: json(z.object({ release: ReleaseStateSchema })), ...errorResponses(400, 401, 404, 409) },
  }),
};

const merchant = (c: Context<AppEnv>): Actor => ({ id: requireMerchant(c).id, kind: 'merchant' });

/** An id a person can type: the name's letters, then a random tail so names may repeat. */
function idFrom(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return `${/^[a-z]/.test(slug) ? slug : 'app'}-${randomBytes(3).toString('hex')}`;
}

export interface MerchantRouteDeps {
  lifecycle: Lifecycle;
  createAppSecret(merchantId: string, appId: string): Promise<{ appId: string; appSecret: string }>;
  rotateAppSecret(merchantId: string, appId: string): Promise<{ appId: string; appSecret: string }>;
}

/** The merchant's side of the lifecycle over HTTP; the CLI and the console call these. */
export function merchantRoutes(deps: MerchantRouteDeps) {
  const { lifecycle } = deps;
  const app = apiRoutes();
  app.openapi(routes.list, async (c) => c.json({ apps: await lifecycle.listApps(merchant(c)) }, 200));
  app.openapi(routes.create, async (c) => {
    const actor = merchant(c);
    const input = c.req.valid('json');
    const created = await lifecycle.createApp(actor, { ...input, id: input.id ?? idFrom(input.name) });
    const secret = await deps.createAppSecret(actor.id, created.id);
    return c.json({ app: created, secret }, 201);
  });
  app.openapi(routes.get, async (c) => {
    const actor = merchant(c);
    const { appId } = c.req.valid('param');
    return c.json({ app: await lifecycle.app(actor, appId), versions: await lifecycle.versions(actor, appId) }, 200);
  });
  app.openapi(routes.update, async (c) => c.json({ app: await lifecycle.updateApp(merchant(c), c.req.valid('param').appId, c.req.valid('json')) }, 200));
  app.openapi(routes.rotateSecret, async (c) => {
    const actor = merchant(c);
    const { appId } = c.req.valid('param');
    await lifecycle.app(actor, appId);
    return c.json({ secret: await deps.rotateAppSecret(actor.id, appId) }, 200);
  });
  app.openapi(routes.versions, async (c) => c.json({ versions: await lifecycle.versions(merchant(c), c.req.valid('param').appId) }, 200));
  app.openapi(routes.submit, async (c) => {
    const body = c.req.valid('json');
    const version = await lifecycle.submit(merchant(c), c.req.valid('param').appId, {
      manifest: body.manifest,
      bundle: body.bundle,
      assets: body.assets.map((a) => ({ path: a.path, contentType: a.contentType, bytes: a.data })),
      releaseNotes: body.releaseNotes,
    });
    return c.json({ version }, 201);
  });
  app.openapi(routes.withdraw, async (c) => {
    const { appId, version } = c.req.valid('param');
    return c.json({ version: await lifecycle.withdraw(merchant(c), appId, version) }, 200);
  });
  app.openapi(routes.release, async (c) => {
    const { version, percent } = c.req.valid('json');
    return c.json({ release: await lifecycle.release(merchant(c), c.req.valid('param').appId, version, percent) }, 200);
  });
  app.openapi(routes.rollback, async (c) => c.json({ release: await lifecycle.rollback(merchant(c), c.req.valid('param').appId, c.req.valid('json').version) }, 200));
  return app;
}

/** The version upload is the one body bigger than the usual cap: 2 MiB of program as base64 and JSON. */
export const versionUpload = { path: /^\/api\/merchant\/apps\/[^/]+\/versions$/, maxBytes: 6 * 1024 * 1024 };
