import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoDir } from './paths.ts';
import { startTestHost, type TestHost } from '../../test/support/cli-host.ts';

let host: TestHost;
let configDir: string;
const root = mkdtempSync(join(tmpdir(), 'atrium-lifecycle-'));

beforeAll(async () => {
  host = await startTestHost();
  configDir = host.freshConfig();
  const login = await host.atrium(['login', '--host', host.url, '--email', host.merchant.email], { configDir, stdin: host.merchant.password });
  if (login.code !== 0) throw new Error(login.err);
}, 60_000);

afterAll(async () => {
  await host?.close();
  rmSync(root, { recursive: true, force: true });
});

/** `atrium <argv>` as the signed-in merchant. */
const atrium = (...argv: string[]) => host.atrium(argv, { configDir });

let n = 0;
/** examples/hello copied to a temp folder at `version`, with `files` written over it. */
function program(version: string, files: Record<string, string> = {}): string {
  const dir = join(root, `p${++n}`);
  cpSync(join(repoDir, 'examples/hello'), dir, { recursive: true, filter: (src) => basename(src) !== 'dist' });
  const manifest = JSON.parse(readFileSync(join(dir, 'atrium.json'), 'utf8'));
  writeFileSync(join(dir, 'atrium.json'), JSON.stringify({ ...manifest, version }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A new app of the merchant's; its id. */
async function newApp(name = 'Hello', category = 'tools'): Promise<string> {
  const run = await atrium('apps', 'create', '--name', name, '--category', category);
  if (run.code !== 0) throw new Error(run.err);
  return run.out.match(/app id\s+(\S+)/)![1]!;
}

describe('the app lifecycle from the atrium command', () => {
  it('creates an app and prints its id and, once, its secret with a warning to keep it', async () => {
    const run = await atrium('apps', 'create', '--name', 'Tea House', '--category', 'food', '--id', 'tea-house');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Created Tea House \(food\)\n {2}app id {6}tea-house\n {2}app secret {2}\S{16,}\n/);
    expect(run.err).toMatch(/Keep the secret on your server.*shown only this once/);
    expect((await atrium('apps')).out).toMatch(/^ID\s+NAME\s+STATUS\s+LIVE\s+IN REVIEW\n(.*\n)*tea-house\s+Tea House\s+active\s+-\s+-$/m);
  });

  it('without --app, fails with a usage error that lists the merchant\'s apps', async () => {
    const id = await newApp();
    const run = await atrium('versions');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^atrium versions: say which app with --app <id> or ATRIUM_APP; your apps: .*${id}`));
    expect(run.err).toContain('Usage: atrium versions --app <id>');
  });

  it('submits examples/hello into review, and versions shows it there with its checks and warnings', async () => {
    const id = await newApp('Hello', 'food');
    const run = await atrium('submit', join(repoDir, 'examples/hello'), '--app', id, '--notes', 'First light');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Version 1.0.0 is in review');
    expect(run.out).toMatch(/^ {2}passed {2}Loads and renders every page: 1 of 1 pages rendered$/m);

    const versions = await host.atrium(['versions'], { configDir, env: { ATRIUM_APP: id } });
    expect(versions.code).toBe(0);
    expect(versions.out).toMatch(/^1\.0\.0 {2}in review\n {2}submitted {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC\n {2}notes {6}First light\n {2}checks {5}passed: manifest, size, sandbox/);
    expect(versions.out).toMatch(/^ {2}warning {4}category: the manifest says category "tools" but the app is listed under "food"$/m);
    expect((await atrium('apps')).out).toMatch(new RegExp(`^${id}\\s+Hello\\s+active\\s+-\\s+1\\.0\\.0$`, 'm'));
  });

  it('refuses a program whose page throws, printing each check and the page it points at', async () => {
    const id = await newApp();
    const dir = program('1.0.0', {
      'pages/index.tsx': "import { page } from 'atrium';\nexport default page({ render() { throw new Error('the menu is not ready'); } });\n",
    });
    const run = await atrium('submit', dir, '--app', id);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^The checks of Hello 1\.0\.0:\n {2}passed {2}Manifest is valid/);
    expect(run.err).toMatch(/^ {2}failed {2}Loads and renders every page: 0 of 1 pages rendered\n {10}error: pages\/index: .*the menu is not ready\n {12}at render/m);
    expect(run.err).toMatch(/\natrium submit: Hello 1\.0\.0 did not pass the automated checks: 1 error above \(checks_failed\)$/);
    expect((await atrium('versions', '--app', id)).out).toBe(`No versions of ${id} yet: submit one with atrium submit --app ${id}`);
  });

  it('prints build errors as atrium build does and submits nothing', async () => {
    const id = await newApp();
    const run = await atrium('submit', program('1.0.0', { 'pages/index.tsx': '<view>' }), '--app', id);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/pages\/index\.tsx:1:\d+: .*\natrium submit: .* did not build \(1 error\)$/);
  });

  it('refuses to release a version still in review with the host\'s message', async () => {
    const id = await newApp();
    await atrium('submit', program('1.0.0'), '--app', id);
    const run = await atrium('release', '1.0.0', '--app', id);
    expect(run.code).toBe(1);
    expect(run.err).toBe('atrium release: Version 1.0.0 is in review; only approved versions can be released. (conflict)');
  });

  it('withdraws a version from review', async () => {
    const id = await newApp();
    await atrium('submit', program('1.0.0'), '--app', id);
    const run = await atrium('withdraw', '1.0.0', '--app', id);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`Withdrew 1.0.0 of ${id} from review; it is now withdrawn\n  nothing released yet`);
    expect((await atrium('versions', '--app', id)).out).toMatch(/^1\.0\.0 {2}withdrawn$/m);
  });

  it('releases to everyone, then to a gray share, and rollback calls the gray release off', async () => {
    const id = await newApp();
    await atrium('submit', program('1.0.0'), '--app', id);
    await host.approve(id, '1.0.0');
    const full = await atrium('release', '1.0.0', '--app', id);
    expect(full.out).toBe(`Released 1.0.0 of ${id} to everyone\n  everyone  1.0.0\n  gray      none`);

    await atrium('submit', program('1.1.0'), '--app', id);
    await host.approve(id, '1.1.0');
    const gray = await atrium('release', '1.1.0', '--app', id, '--percent', '10');
    expect(gray.out).toBe(`Released 1.1.0 of ${id} to 10% of users\n  everyone  1.0.0\n  gray      1.1.0 to 10% of users`);
    const versions = (await atrium('versions', '--app', id)).out;
    expect(versions).toMatch(/^1\.1\.0 {2}approved, live for 10% \(gray\)\n {2}submitted .*\n {2}reviewed {3}.* UTC, \d+ s after submission$/m);
    expect(versions).toMatch(/^1\.0\.0 {2}approved, live for everyone$/m);
    expect((await atrium('apps')).out).toMatch(new RegExp(`^${id}\\s+Hello\\s+active\\s+1\\.0\\.0 \\+ gray 1\\.1\\.0 at 10%\\s+-$`, 'm'));

    const rollback = await atrium('rollback', '--app', id);
    expect(rollback.code).toBe(0);
    expect(rollback.out).toBe(`Called off the gray release of 1.1.0 of ${id}; everyone has 1.0.0\n  everyone  1.0.0\n  gray      none`);
  });

  it('refuses a --percent that is not 1-100 before asking the host', async () => {
    const run = await atrium('release', '1.0.0', '--app', 'anything', '--percent', '150');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--percent must be a whole number from 1 to 100, not "150"/);
  });
});
