import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export interface ShardCode {
  /** Path of the bundled worker script. */
  workerFile: string;
  /** The guest bootstrap, evaluated in every runtime before the merchant's bundle. */
  bootstrap: string;
  wasmPath: string;
}

let cached: Promise<ShardCode> | null = null;

/**
 * Bundles the shard worker and the guest bootstrap from their TypeScript sources once per process.
 * Worker threads do not share the parent's TypeScript loader, so the worker gets plain JavaScript;
 * it is written under node_modules/.cache so its package imports resolve, named by content hash so
 * concurrent processes never overwrite each other's file mid-read.
 */
export function shardCode(): Promise<ShardCode> {
  cached ??= bundle();
  return cached;
}

async function bundle(): Promise<ShardCode> {
  const [worker, boot] = await Promise.all([
    build({
      entryPoints: [join(root, 'runtime/shard/worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    }),
    build({
      entryPoints: [join(root, 'runtime/guest/bootstrap.ts')],
      bundle: true,
      platform: 'neutral',
      format: 'iife',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
    }),
  ]);
  const code = worker.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(root, 'node_modules', '.cache', 'atrium');
  const workerFile = join(dir, `shard-worker-${hash}.mjs`);
  if (!existsSync(workerFile)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${workerFile}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, workerFile);
  }
  const wasmPath = createRequire(import.meta.url).resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm');
  return { workerFile, bootstrap: boot.outputFiles[0]!.text, wasmPath };
}
