import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArgsInput, HostImplementation, HostMethodName, MethodName, ResultOf } from '../../sdk/contract/index.ts';
import { contract, methodNames } from '../../sdk/contract/index.ts';
import { createMemoryHost } from '../../sdk/testing/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Type-checks a snippet against the real contract with the project's compiler. */
function typeErrors(source: string): string {
  const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'typecheck-'));
  try {
    writeFileSync(join(dir, 'check.ts'), source.replaceAll('@contract', join(root, 'sdk/contract/index.ts')));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', allowImportingTsExtensions: true, skipLibCheck: true, types: [] },
        files: ['check.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the host API contract', () => {
  it('fails the type check when a host implementation lacks a contract method', () => {
    const out = typeErrors(`
      import type { HostImplementation } from '@contract';
      declare const full: HostImplementation<null>;
      const { clear, ...storageWithoutClear } = full.storage;
      export const broken = { ...full, storage: storageWithoutClear } satisfies HostImplementation<null>;
    `);
    expect(out).toMatch(/clear/);
    expect(out).toMatch(/error TS/);
  });

  it('passes the type check when every host method is implemented', () => {
    const out = typeErrors(`
      import type { HostImplementation } from '@contract';
      declare function createFull(): HostImplementation<null>;
      export const ok = createFull() satisfies HostImplementation<null>;
    `);
    expect(out).toBe('');
  });

  it('fails the type check when an implementation returns the wrong result type', () => {
    const out = typeErrors(`
      import type { HostImplementation } from '@contract';
      declare const full: HostImplementation<null>;
      export const wrong = { ...full, auth: { ...full.auth, login: async () => ({ code: 42 }) } } satisfies HostImplementation<null>;
    `);
    expect(out).toMatch(/error TS/);
  });

  it('leaves navigation to the runtime: the host never implements it', () => {
    expectTypeOf<'ui.navigateTo'>().not.toExtend<HostMethodName>();
    expectTypeOf<'ui.toast'>().toExtend<HostMethodName>();
    expectTypeOf<'ui.navigateTo'>().toExtend<MethodName>();
  });

  it('types guest arguments and results from the schemas', () => {
    expectTypeOf<ArgsInput<'storage.set'>>().toEqualTypeOf<{ key: string; value: import('../../sdk/contract/index.ts').Json }>();
    expectTypeOf<ResultOf<'ui.showModal'>>().toEqualTypeOf<{ confirm: boolean }>();
  });

  it('has an in-memory test host that implements every host method', () => {
    const { implementation } = createMemoryHost();
    expectTypeOf(implementation).toExtend<HostImplementation<unknown>>();
    for (const name of methodNames) {
      const [ns, m] = name.split('.') as [keyof typeof contract, string];
      const spec = (contract[ns] as Record<string, { handledBy?: string }>)[m]!;
      const impl = (implementation as Record<string, Record<string, unknown>>)[ns]?.[m];
      expect(typeof impl, name).toBe(spec.handledBy === 'runtime' ? 'undefined' : 'function');
    }
  });
});
