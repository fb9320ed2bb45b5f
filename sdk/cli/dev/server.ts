import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { Runtime } from '../../../runtime/index.ts';
import { handlerNamePattern } from '../../contract/index.ts';
import { clientCode } from './bundle-client.ts';
import { DevProgram } from './program.ts';
import { shellCss } from './shell-css.ts';
import { componentCss } from '../../view/styles.ts';

export interface DevServerOptions {
  /** Program folders; one is shown at `/`, several get a launcher there. */
  dirs: string[];
  /** 0 picks a free port. Default 5173. */
  port?: number;
  hostname?: string;
  /** Lines for the terminal: builds, errors. */
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  port: number;
  programs: DevProgram[];
  close(): Promise<void>;
}

const eventBody = z.object({
  client: z.string().min(1).max(64),
  event: z
    .object({
      handler: z.string().regex(handlerNamePattern),
      type: z.enum(['tap', 'longpress', 'input', 'change', 'confirm', 'submit', 'reset', 'reachend']),
      data: z.json().optional(),
      value: z.json().optional(),
    })
    .strict(),
});
const modalBody = z.object({ client: z.string().min(1).max(64), id: z.number().int(), confirm: z.boolean() });
const restartBody = z.object({ client: z.string().min(1).max(64) });

/** The one static page; the script decides between the shell and the launcher. No program data is in it. */
function html(mode: 'shell' | 'launcher'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Atrium dev</title>
<link rel="stylesheet" href="/shell.css">
<script type="module" src="/shell.js"></script>
</head>
<body data-mode="${mode}"></body>
</html>
`;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Only our own script and styles run; a program's images may come from https hosts.
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** Short, URL-safe, unique ids from folder names. */
function programIds(dirs: string[]): string[] {
  const seen = new Set<string>();
  return dirs.map((d) => {
    const base = basename(d).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'program';
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

async function json<T>(c: Context, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

const invalid = (c: Context, message: string) => c.json({ error: { code: 'invalid_request', message } }, 400);

function programRoutes(app: Hono, prefix: string, program: DevProgram): void {
  app.get(`${prefix}/`, (c) => c.body(html('shell'), 200, PAGE_HEADERS));

  app.get(`${prefix}/events`, (c) => {
    const client = c.req.query('client');
    if (!client || client.length > 64) return invalid(c, 'events need ?client=<id>');
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      let open = true;
      const done = new Promise<void>((r) => stream.onAbort(() => {
        open = false;
        r();
      }));
      const connection = await program.connect(client, (m) => {
        if (open) void stream.writeSSE({ event: m.kind, data: JSON.stringify(m) }).catch(() => {});
      });
      // A comment now and then, so a closed tab is noticed and its session closed.
      const ping = setInterval(() => void stream.write(': ping\n\n').catch(() => {}), 15_000);
      await done;
      clearInterval(ping);
      program.disconnect(client, connection);
    });
  });

  app.post(`${prefix}/event`, async (c) => {
    const body = await json(c, eventBody);
    if (!body) return invalid(c, 'expected { client, event: { handler, type, data?, value? } }');
    try {
      await program.event(body.client, body.event);
      return c.body(null, 204);
    } catch (e) {
      return c.json({ error: { code: 'session_ended', message: (e as Error).message } }, 409);
    }
  });

  app.post(`${prefix}/modal`, async (c) => {
    const body = await json(c, modalBody);
    if (!body) return invalid(c, 'expected { client, id, confirm }');
    return program.answer(body.client, body.id, body.confirm) ? c.body(null, 204) : c.json({ error: { code: 'not_found', message: 'no such dialog' } }, 404);
  });

  app.post(`${prefix}/restart`, async (c) => {
    const body = await json(c, restartBody);
    if (!body) return invalid(c, 'expected { client }');
    return (await program.restart(body.client)) ? c.body(null, 204) : c.json({ error: { code: 'not_found', message: 'no such page' } }, 404);
  });

  app.get(`${prefix}/assets/*`, (c) => {
    const path = decodeURIComponent(c.req.path.slice(prefix.length + 1));
    const asset = program.asset(path);
    if (!asset) return c.text('not found', 404, { 'x-content-type-options': 'nosniff' });
    return c.body(new Uint8Array(asset.bytes), 200, {
      'content-type': asset.contentType,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });
}

/**
 * The local dev server: the dev shell page, its script and styles, and per program the event
 * stream, the event and dialog answers, and the program's images.
 *
 * @example
 * const server = await startDevServer({ dirs: ['examples/hello'], port: 0 });
 * console.log(server.url);
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? (() => {});
  const dirs = options.dirs.map((d) => resolve(d));
  for (const d of dirs) if (!existsSync(d)) throw new Error(`${d} does not exist`);
  const runtime = await Runtime.create({ shards: 1 });
  const ids = programIds(dirs);
  const programs = dirs.map((d, i) => new DevProgram(ids[i]!, d, runtime));
  for (const p of programs) {
    p.onBuilt = (q) => {
      if (q.errors.length) log(`✗ ${q.id}: did not build\n${q.errors.map((l) => `  ${l}`).join('\n')}`);
      else log(`✓ ${q.id}: built ${q.built!.manifest.name} (${(q.built!.bytes.bundle / 1024).toFixed(1)} KiB)`);
    };
  }
  await Promise.all(programs.map((p) => p.start()));

  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: 64 * 1024 }));
  app.get('/shell.js', async (c) => c.body(await clientCode(), 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }));
  app.get('/shell.css', (c) => c.body(componentCss + shellCss, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/programs', (c) =>
    c.json(programs.map((p) => ({ id: p.id, name: p.built?.manifest.name ?? p.id, description: p.built?.manifest.description ?? '', ok: p.errors.length === 0 }))),
  );
  for (const p of programs) {
    app.get(`/apps/${p.id}`, (c) => c.redirect(`/apps/${p.id}/`));
    programRoutes(app, `/apps/${p.id}`, p);
  }
  if (programs.length === 1) programRoutes(app, '', programs[0]!);
  else app.get('/', (c) => c.body(html('launcher'), 200, PAGE_HEADERS));

  let server: ServerType;
  try {
    server = await new Promise<ServerType>((ok, fail) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 5173, hostname: options.hostname ?? '127.0.0.1' }, () => ok(s));
      s.once('error', fail);
    });
  } catch (e) {
    await Promise.all(programs.map((p) => p.close()));
    await runtime.shutdown();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port ?? 5173} is in use; pass another with --port (0 picks a free one)`);
    throw e;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  const host = options.hostname && options.hostname !== '127.0.0.1' ? options.hostname : 'localhost';
  return {
    url: `http://${host}:${port}/`,
    port,
    programs,
    async close() {
      await Promise.all(programs.map((p) => p.close()));
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await runtime.shutdown();
    },
  };
}
