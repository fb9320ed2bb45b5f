import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = join(dirname(fileURLToPath(import.meta.url)), 'client.ts');
let cached: Promise<string> | null = null;

/** The dev shell's browser script, bundled from `client.ts` once per process. */
export function clientCode(): Promise<string> {
  cached ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: false,
    sourcemap: 'inline',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text);
  cached.catch(() => (cached = null));
  return cached;
}
