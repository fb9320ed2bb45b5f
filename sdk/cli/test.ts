import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, type Command } from './command.ts';
import { shown } from './build.ts';
import { atriumAliases } from './paths.ts';

export const testCommand: Command = {
  name: 'test',
  summary: "Run a program's tests (vitest) against the real sandbox and an in-memory host",
  usage: 'atrium test [dir] [--watch]',
  details: [
    '  dir           the program (default: the current directory); runs its *.test.ts files',
    '  -w, --watch   keep running and re-run on change',
  ],
  options: { watch: { type: 'boolean', short: 'w' } },
  maxPositionals: 1,
  async run([dirArg], values, io) {
    const dir = resolve(dirArg ?? '.');
    if (!existsSync(dir)) {
      io.err(`atrium test: ${shown(dir)} does not exist`);
      return EXIT.failed;
    }
    const { startVitest } = await import('vitest/node');
    // The program's own folder is the root, so only its tests run; `atrium` imports resolve to this SDK.
    const vitest = await startVitest(
      'test',
      [],
      {
        root: dir,
        config: false,
        watch: Boolean(values.watch),
        include: ['**/*.test.ts', '**/*.test.tsx'],
        exclude: ['**/node_modules/**', '**/dist/**'],
        testTimeout: 30_000,
        hookTimeout: 30_000,
        passWithNoTests: false,
      },
      { resolve: { alias: atriumAliases() } },
    );
    if (values.watch) return new Promise<number>(() => {});
    const failed = vitest.state.getCountOfFailedTests() > 0 || vitest.state.getFiles().length === 0 || (process.exitCode ?? 0) !== 0;
    await vitest.close();
    return failed ? EXIT.failed : EXIT.ok;
  },
};
