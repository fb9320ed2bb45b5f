import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './index.ts';

describe('building a program', () => {
  it('builds a program named by a path relative to the working directory', async () => {
    const r = await buildProgram(relative(process.cwd(), fileURLToPath(new URL('../../examples/hello', import.meta.url))));
    expect(r.ok).toBe(true);
  });

  it('names the file of a syntax error relative to the program, from any working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-build-'));
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'atrium.json'), JSON.stringify({ name: 'X', version: '1.0.0', pages: ['pages/index'] }));
    writeFileSync(join(dir, 'pages/index.tsx'), "import { page } from 'atrium';\nexport default page({ render() { return <view>; } });\n");
    const r = await buildProgram(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'pages/index.tsx', line: 2 });
  });
});
