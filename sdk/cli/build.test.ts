import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoDir } from './paths.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'atrium-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A copy of examples/hello in a fresh temp folder, with `files` written over it. */
function program(files: Record<string, string | Buffer> = {}): string {
  const dir = join(root, `p${++n}`);
  cpSync(join(repoDir, 'examples/hello'), dir, { recursive: true, filter: (src) => basename(src) !== 'dist' });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'Hello', version: '1.0.0', pages: ['pages/index'], ...extra }, null, 2);

/** A tiny valid PNG (1x1). */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

describe('atrium build', () => {
  it('writes the bundle, manifest and assets to <dir>/dist and reports their size', async () => {
    const dir = program({ 'assets/logo.png': png });
    const run = await runCli(['build', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Built Hello 1\.0\.0 → .*dist/);
    expect(run.stdout).toMatch(/bundle\s+[\d.]+ KiB, 1 asset \(\d+ B\)/);
    expect(run.stdout).toContain('pages   pages/index');
    expect(readFileSync(join(dir, 'dist/assets/logo.png'))).toEqual(png);
    expect(JSON.parse(readFileSync(join(dir, 'dist/atrium.json'), 'utf8')).name).toBe('Hello');
    expect(readFileSync(join(dir, 'dist/bundle.js'), 'utf8')).toContain('Tap me');
  });

  it('writes where --out says, relative to the program', async () => {
    const dir = program();
    const run = await runCli(['build', dir, '--out', 'build/out']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'build/out/bundle.js'), 'utf8')).toContain('Tap me');
  });

  it('names an unknown manifest key and its line', async () => {
    const dir = program({ 'atrium.json': manifest({ colour: 'green' }) });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    // "colour" is on line 7 of the manifest as written above.
    expect(run.stderr).toMatch(/atrium\.json:7:3: \(top level\): unknown key "colour"/);
    expect(run.stdout).toBe('');
  });

  it('points at a page without a file', async () => {
    const dir = program({ 'atrium.json': manifest({ pages: ['pages/index', 'pages/cart'] }) });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/atrium\.json:6:5: pages\.1: no file for page "pages\/cart"/);
  });

  it('refuses a scope declared without a reason', async () => {
    const dir = program({ 'atrium.json': manifest({ permissions: { phone: {} }, network: { domains: [] } }) });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/atrium\.json:\d+:\d+: permissions\.phone\.reason: /);
    const short = program({ 'atrium.json': manifest({ permissions: { phone: { reason: 'ok' } } }) });
    expect((await runCli(['build', short])).stderr).toMatch(/permissions\.phone\.reason: say why, in at least 8 characters/);
  });

  it('locates every mistake in the subscription templates', async () => {
    const templates = [
      { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'carrier', label: 'Carrier', type: 'text' }, { key: 'carrier', label: 'Again', type: 'text' }] },
      { id: 'order-shipped', title: 'Twice', fields: [{ key: 'total', label: 'Total', type: 'currency' }] },
      { id: 'no fields!', title: '', fields: [], colour: 'green' },
    ];
    const dir = program({ 'atrium.json': manifest({ permissions: { subscribe: { reason: 'to tell you when it ships' } }, subscriptions: { templates } }) });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    const at = (text: string) => lines.find((l) => l.includes(text));
    expect(at('subscriptions.templates.2: unknown key "colour"')).toMatch(/^.*atrium\.json:\d+:\d+: /);
    expect(at('subscriptions.templates.2.id: letters, digits, _ and -')).toBeDefined();
    expect(at('subscriptions.templates.2.title: a title, 1 to 40 characters')).toBeDefined();
    expect(at('subscriptions.templates.2.fields: at least one field')).toBeDefined();
    expect(at('subscriptions.templates.1.fields.0.type: one of text, number, money, date')).toMatch(/atrium\.json:\d+:\d+: /);
    const duplicateKey = at('subscriptions.templates.0.fields.1.key: "carrier" is used twice in this template');
    expect(duplicateKey).toMatch(/atrium\.json:\d+:\d+: /);
    // A template declared twice is found once each template is valid on its own.
    const valid = { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'carrier', label: 'Carrier', type: 'text' }] };
    const twice = program({ 'atrium.json': manifest({ permissions: { subscribe: { reason: 'to tell you when it ships' } }, subscriptions: { templates: [valid, valid] } }) });
    expect((await runCli(['build', twice])).stderr).toMatch(/atrium\.json:\d+:\d+: subscriptions\.templates\.1\.id: "order-shipped" is declared twice/);
  });

  it('refuses a program over 2 MiB', async () => {
    // Random-looking text no minifier can shrink.
    const chunk = Array.from({ length: 2600 }, (_, i) => (i * 2654435761).toString(36)).join('');
    const big = JSON.stringify(chunk.repeat(Math.ceil((2.2 * 1024 * 1024) / chunk.length)));
    const dir = program({
      'pages/index.tsx': `import { page } from 'atrium';\nconst blob = ${big};\nexport default page({ render() { return <text>{blob.length}</text>; } });\n`,
    });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the program is \d+ KiB .*the limit is 2048 KiB/);
  });

  it('refuses an asset of a type the host will not serve', async () => {
    const dir = program({ 'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/assets\/icon\.svg: assets may be .*png.* images only/);
  });

  it('locates a TSX syntax error at its line', async () => {
    const dir = program({
      'pages/index.tsx': `import { page } from 'atrium';\n\nexport default page({\n  render() {\n    return <view><text>hi</view>;\n  },\n});\n`,
    });
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pages\/index\.tsx:5:\d+: Unexpected closing "view" tag does not match opening "text" tag/);
  });

  it('says when there is no manifest', async () => {
    const dir = join(root, 'nothing');
    mkdirSync(dir);
    const run = await runCli(['build', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/atrium\.json: missing/);
  });
});
