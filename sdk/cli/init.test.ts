import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { sdkDir } from './paths.ts';

const root = mkdtempSync(join(tmpdir(), 'atrium-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('atrium init', () => {
  it('writes a scaffold that builds and whose test passes', async () => {
    const dir = join(root, 'tea-shop');
    const init = await runCli(['init', dir]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created Tea Shop');
    for (const f of ['atrium.json', 'pages/index.tsx', 'index.test.ts', 'tsconfig.json', '.gitignore', 'README.md']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.jsxImportSource).toBe('atrium');
    expect(tsconfig.compilerOptions.paths.atrium).toEqual([join(sdkDir, 'index.ts')]);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('dist/');

    const build = await runCli(['build', dir]);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/Built Tea Shop 0\.1\.0/);
    expect(existsSync(join(dir, 'dist', 'bundle.js'))).toBe(true);

    const test = await runCli(['test', dir]);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/4 passed/);
  });

  it('refuses a folder that is not empty', async () => {
    const dir = join(root, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = await runCli(['init', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not empty \(it has notes\.txt\)/);
    expect(existsSync(join(dir, 'atrium.json'))).toBe(false);
  });

  it('accepts an empty folder and asks for a folder when none is given', async () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    expect((await runCli(['init', dir, '--name', 'Noodles'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'atrium.json'), 'utf8')).name).toBe('Noodles');
    const none = await runCli(['init']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/atrium init my-app/);
  });
});

describe('atrium', () => {
  it('prints help for itself and for each command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['init', 'build', 'dev', 'test']) expect(help.stdout).toContain(`  ${c}`);
    const buildHelp = await runCli(['build', '--help']);
    expect(buildHelp.stdout).toContain('Usage: atrium build [dir]');
  });

  it('answers an unknown command or option with exit code 2', async () => {
    const cmd = await runCli(['deploy']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command "deploy"/);
    const opt = await runCli(['build', '--fast']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/--fast/);
  });
});
