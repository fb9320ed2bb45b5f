import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's `sdk/` folder, and the repository around it. */
export const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = join(sdkDir, '..');

/**
 * Where the `atrium` imports of a program's sources and tests resolve, for tools that do not read
 * package.json exports from outside the repository (vitest on a program anywhere on disk).
 */
export function atriumAliases(): { find: RegExp; replacement: string }[] {
  return [
    { find: /^atrium$/, replacement: join(sdkDir, 'index.ts') },
    { find: /^atrium\/testing$/, replacement: join(sdkDir, 'testing', 'index.ts') },
    { find: /^atrium\/jsx-runtime$/, replacement: join(sdkDir, 'jsx-runtime.ts') },
    { find: /^atrium\/jsx-dev-runtime$/, replacement: join(sdkDir, 'jsx-runtime.ts') },
  ];
}
