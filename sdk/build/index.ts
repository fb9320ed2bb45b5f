import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Manifest } from '../contract/index.ts';
import { collectAssets, type Asset } from './assets.ts';
import { bundleProgram } from './bundle.ts';
import type { Diagnostic } from './diagnostics.ts';
import { loadManifest, MANIFEST_FILE } from './manifest.ts';

export { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
export { loadManifest, MANIFEST_FILE } from './manifest.ts';
export { assetTypes, type Asset } from './assets.ts';

/** Bundle and assets together may not pass this. */
export const MAX_PROGRAM_BYTES = 2 * 1024 * 1024;

export interface BuiltProgram {
  manifest: Manifest;
  bundle: string;
  assets: Asset[];
  bytes: { bundle: number; assets: number };
}

export type BuildResult = ({ ok: true } & BuiltProgram) | { ok: false; errors: Diagnostic[] };

export interface BuildOptions {
  minify?: boolean;
  /** Also write `bundle.js`, `atrium.json` and `assets/` here. */
  outDir?: string;
}

/** Checks and bundles the program in `dir`; every problem comes back located, nothing is thrown. */
export async function buildProgram(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const loaded = loadManifest(dir);
  if (!loaded.manifest) return { ok: false, errors: loaded.errors };
  const manifest = loaded.manifest;
  const [bundled, collected] = [await bundleProgram(dir, manifest, options), collectAssets(dir)];
  const errors = [...bundled.errors, ...collected.errors];
  if (bundled.code === null || errors.length) return { ok: false, errors };
  const bytes = {
    bundle: Buffer.byteLength(bundled.code),
    assets: collected.assets.reduce((n, a) => n + a.bytes.length, 0),
  };
  if (bytes.bundle + bytes.assets > MAX_PROGRAM_BYTES) {
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    return {
      ok: false,
      errors: [{ file: '(build)', message: `the program is ${kib(bytes.bundle + bytes.assets)} (bundle ${kib(bytes.bundle)}, assets ${kib(bytes.assets)}); the limit is ${kib(MAX_PROGRAM_BYTES)}` }],
    };
  }
  const program: BuiltProgram = { manifest, bundle: bundled.code, assets: collected.assets, bytes };
  if (options.outDir) writeProgram(program, options.outDir);
  return { ok: true, ...program };
}

function writeProgram(p: BuiltProgram, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bundle.js'), p.bundle);
  writeFileSync(join(outDir, MANIFEST_FILE), JSON.stringify(p.manifest, null, 2) + '\n');
  for (const a of p.assets) {
    const file = join(outDir, a.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.bytes);
  }
}
