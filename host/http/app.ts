import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authenticate } from './auth.ts';
import { readClientAddress } from './client-address.ts';
import { limitBodies } from './body-limit.ts';
import type { AppEnv, AppSecretVerifier, TokenVerifier } from './env.ts';
import { errorHandler, errorResponse, validationHook } from './errors.ts';
import { guardInput } from './input-guard.ts';
import { json, registerDocument } from './openapi.ts';

export interface HttpDeps {
  /** Development: session cookies without `Secure`, so they work over plain http on localhost. */
  dev: boolean;
  /** Turns a bearer token or session cookie into an account (the identity module's verifyToken). */
  verifyToken: TokenVerifier;
  /** Lets a merchant's backend call the order API with its app id and secret (Basic auth). */
  verifyAppSecret?: AppSecretVerifier;
  /** Each module's routes, mounted at the root (their paths start with /api/...). */
  routes?: OpenAPIHono<AppEnv>[];
  /** Origins besides this host's own allowed to make cookie-riding state changes. */
  trustedOrigins?: string[];
  /** Largest request body accepted, in bytes; 1 MiB unless told. */
  maxBodyBytes?: number;
  /** Routes that take more (a version upload): the first whose pattern matches the path wins. */
  largeBodies?: { path: RegExp; maxBytes: number }[];
  /** Where faults (500s) are reported; the client sees only a generic message. */
  log?: (line: string) => void;
  /** Reverse proxies in front whose X-Forwarded-For entries are believed; none unless told. */
  trustedProxies?: number;
}

const health = createRoute({
  method: 'get',
  path: '/healthz',
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'The host is up') },
});

/**
 * The host's HTTP app: one error mapping, one body cap, one authentication step, one guard against
 * text no database keeps, module routes declared with zod schemas and documented at /api/openapi.json.
 */
export function createHttpApp(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const maxSize = deps.maxBodyBytes ?? 1024 * 1024;

  app.onError(errorHandler(deps.log ?? ((line) => console.error(line))));
  app.notFound((c) => errorResponse(c, { code: 'not_found', message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}.` }));

  app.use('*', async function settings(c, next) {
    c.set('secureCookies', !deps.dev);
    await next();
  });
  app.use('*', readClientAddress(deps.trustedProxies ?? 0));
  const standard = limitBodies(maxSize);
  const large = (deps.largeBodies ?? []).map((l) => ({ path: l.path, check: limitBodies(l.maxBytes) }));
  app.use('*', function limitBody(c, next) {
    return (large.find((l) => l.path.test(c.req.path))?.check ?? standard)(c, next);
  });
  app.use('*', authenticate({ verify: deps.verifyToken, verifyAppSecret: deps.verifyAppSecret, trustedOrigins: new Set(deps.trustedOrigins ?? []) }));
  app.use('*', guardInput());

  app.openapi(health, (c) => c.json({ ok: true as const }, 200));
  for (const routes of deps.routes ?? []) app.route('/', routes);
  registerDocument(app, '/api/openapi.json');
  return app;
}
