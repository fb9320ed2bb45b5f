/**
 * Node side: bundles a site's browser entry (TypeScript and TSX importing the renderer and chrome) into
 * one ES module script with esbuild, once per process; a failed build is retried next time.
 */
import { build, type BuildOptions } from 'esbuild';
import { noMarkup } from './no-markup.ts';

/** How a browser entry is bundled, the same for serving it and for measuring it. */
export function browserBuildOptions(entry: string, options: { minify?: boolean } = {}): BuildOptions & { write: false } {
  return {
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // TSX in a browser entry is Atrium's own pages, written with Preact (each file also names it in
    // a pragma, which is what tsc reads); mini-programs' TSX is built by sdk/build with atrium's JSX.
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: options.minify ?? false,
    // Inline maps only for the readable (development) build; a minified one ships without.
    sourcemap: options.minify ? false : 'inline',
    legalComments: 'none',
    plugins: [noMarkup],
    logLevel: 'silent',
  };
}

export function browserBundle(entry: string, options: { minify?: boolean } = {}): () => Promise<string> {
  let cached: Promise<string> | null = null;
  return () => {
    cached ??= build(browserBuildOptions(entry, options)).then((out) => out.outputFiles[0]!.text);
    cached.catch(() => (cached = null));
    return cached;
  };
}
