import { build } from 'esbuild';
import { browserBuildOptions } from '../../sdk/view/chrome/bundle.ts';

/** The largest each site's minified script may be, in bytes: measured, with room to grow. */
export const budgets = { shell: 150_000, console: 130_000, admin: 100_000 } as const;

/** Libraries no page may carry: the schema library is the server's (and ~450 KB). */
export const forbiddenInPages = ['zod', '@hono/zod-openapi', 'kysely', 'hono'];

export interface BundleReport {
  bytes: number;
  /** Packages from node_modules that ended up in the script. */
  packages: string[];
}

/** Builds a browser entry exactly as the host serves it and says what went into it. */
export async function bundleReport(entry: string): Promise<BundleReport> {
  const out = await build({ ...browserBuildOptions(entry, { minify: true }), metafile: true });
  const packages = new Set<string>();
  for (const input of Object.keys(out.metafile!.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]!);
  }
  return { bytes: out.outputFiles[0]!.contents.byteLength, packages: [...packages].sort() };
}
