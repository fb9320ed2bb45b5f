import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoDir } from '../paths.ts';
import { startDevServer, type DevServer } from './server.ts';

const root = mkdtempSync(join(tmpdir(), 'atrium-dev-server-'));
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
let server: DevServer;
let base: string;

beforeAll(async () => {
  for (const name of ['hello', 'hello-again']) cpSync(join(repoDir, 'examples/hello'), join(root, name), { recursive: true });
  mkdirSync(join(root, 'hello', 'assets'));
  writeFileSync(join(root, 'hello', 'assets', 'logo.png'), png);
  server = await startDevServer({ dirs: [join(root, 'hello'), join(root, 'hello-again')], port: 0 });
  base = `http://127.0.0.1:${server.port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Reads server-sent events until `until` says stop. */
async function readEvents(url: string, until: (kinds: string[]) => boolean): Promise<{ kind: string; data: any }[]> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  const reader = res.body!.getReader();
  const out: { kind: string; data: any }[] = [];
  let text = '';
  while (!until(out.map((e) => e.kind))) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
    let i;
    while ((i = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, i);
      text = text.slice(i + 2);
      const kind = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (kind && data) out.push({ kind, data: JSON.parse(data) });
    }
  }
  await reader.cancel().catch(() => {});
  ac.abort();
  return out;
}

describe('the dev server', () => {
  it('lists several programs for the launcher and serves each under /apps/<id>/', async () => {
    const programs = await (await fetch(`${base}/programs`)).json();
    expect(programs).toMatchObject([
      { id: 'hello', name: 'Hello', ok: true },
      { id: 'hello-again', name: 'Hello', ok: true },
    ]);
    const launcher = await fetch(`${base}/`);
    expect(await launcher.text()).toContain('data-mode="launcher"');
    const shell = await fetch(`${base}/apps/hello/`);
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await shell.text()).toContain('data-mode="shell"');
    expect((await fetch(`${base}/apps/hello`, { redirect: 'manual' })).headers.get('location')).toBe('/apps/hello/');
  });

  it('serves the shell script and styles', async () => {
    const js = await fetch(`${base}/shell.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('createRenderer');
    expect(await (await fetch(`${base}/shell.css`)).text()).toContain('.at-button.at-primary');
  });

  it('serves program assets with their type and nosniff, and nothing else', async () => {
    const res = await fetch(`${base}/apps/hello/assets/logo.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    expect((await fetch(`${base}/apps/hello/assets/../atrium.json`)).status).toBe(404);
    expect((await fetch(`${base}/apps/hello/assets/missing.png`)).status).toBe(404);
  });

  it('streams the first view, takes events and streams the change', async () => {
    const client = 'test-client-1';
    const first = await readEvents(`${base}/apps/hello/events?client=${client}`, (k) => k.includes('update'));
    expect(first.map((e) => e.kind)).toEqual(['program', 'update']);
    expect(first[1]!.data.update.view.type).toBe('view');

    const events = readEvents(`${base}/apps/hello/events?client=${client}`, (k) => k.filter((x) => x === 'update').length >= 2);
    let res: Response;
    for (;;) {
      res = await fetch(`${base}/apps/hello/event`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client, event: { handler: 'add', type: 'tap' } }),
      });
      if (res.status !== 409) break; // until the reconnected page's session is open
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(res.status).toBe(204);
    const updates = (await events).filter((e) => e.kind === 'update');
    expect(JSON.stringify(updates[1]!.data.update.patches)).toContain('"1"');
  });

  it('refuses malformed events', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/apps/hello/event`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ client: 'x', event: { handler: 'add', type: 'hover' } })).status).toBe(400);
    expect((await post({ client: 'x', event: { handler: 'a b', type: 'tap' } })).status).toBe(400);
    expect((await post({ client: 'nobody', event: { handler: 'add', type: 'tap' } })).status).toBe(409);
  });
});
