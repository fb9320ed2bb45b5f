import { defineConfig } from 'vitest/config';
import { atriumAliases } from './sdk/cli/paths.ts';

const browser = 'test/browser/**/*.test.ts';

export default defineConfig({
  // A program's tests import 'atrium' and 'atrium/testing'; inside this repo they mean its SDK.
  resolve: { alias: atriumAliases() },
  test: {
    exclude: ['node_modules/**', '.scratch/**', 'data/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['node_modules/**', '.scratch/**', 'data/**', browser], sequence: { groupOrder: 0 } },
      },
      {
        // Each browser file drives Chromium against a whole platform. On two cores, running them
        // beside each other and the rest made them time out now and then, so they run one at a
        // time, after everything else.
        extends: true,
        test: { name: 'browser', include: [browser], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
