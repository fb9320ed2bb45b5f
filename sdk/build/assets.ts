import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';

export const ASSETS_DIR = 'assets';

/** Raster images only: SVG can carry script, and a program never ships anything that runs. */
export const assetTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface Asset {
  /** Path below the program, as a view's `image src` names it: `assets/logo.png`. */
  path: string;
  contentType: string;
  bytes: Buffer;
}

/** Collects `assets/**`, refusing file types the host will not serve. */
export function collectAssets(dir: string): { assets: Asset[]; errors: Diagnostic[] } {
  const root = join(dir, ASSETS_DIR);
  const assets: Asset[] = [];
  const errors: Diagnostic[] = [];
  if (!existsSync(root)) return { assets, errors };
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name.startsWith('.')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(dir, full).split('\\').join('/');
        const type = assetTypes[extname(name).toLowerCase()];
        if (!type) errors.push({ file: path, message: `assets may be ${Object.keys(assetTypes).join(', ')} images only` });
        else assets.push({ path, contentType: type, bytes: readFileSync(full) });
      }
    }
  };
  walk(root);
  return { assets, errors };
}
