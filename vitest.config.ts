import { defineConfig } from 'vitest/config';
import { atriumAliases } from './sdk/cli/paths.ts';

export default defineConfig({
  // A program's tests import 'atrium' and 'atrium/testing'; inside this repo they mean its SDK.
  resolve: { alias: atriumAliases() },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.scratch/**', 'data/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
