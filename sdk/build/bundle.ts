import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Message } from 'esbuild';
import type { Manifest } from '../contract/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { pageFile } from './manifest.ts';

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const APP_FILES = ['app.tsx', 'app.ts', 'app.jsx', 'app.js'];

/**
 * The entry esbuild starts from: imports the optional app file and every page, and registers each
 * page under its route with the runtime. A page without a default export fails the build there.
 */
function entrySource(dir: string, manifest: Manifest): string {
  const app = APP_FILES.find((f) => existsSync(join(dir, f)));
  const lines = ['const rt = globalThis.__atrium;'];
  if (app) lines.unshift(`import app from './${app}';`), lines.push('rt.defineApp(app);');
  manifest.pages.forEach((route, i) => {
    lines.unshift(`import p${i} from './${pageFile(dir, route)}';`);
    lines.push(`rt.definePage(${JSON.stringify(route)}, p${i});`);
  });
  return lines.join('\n');
}

function located(dir: string, messages: Message[]): Diagnostic[] {
  return messages.map((m) => ({
    // esbuild names files relative to absWorkingDir, which is the program's folder.
    file: m.location ? m.location.file : '(build)',
    line: m.location?.line,
    column: m.location ? m.location.column + 1 : undefined,
    message: m.text,
  }));
}

/** Bundles a program for QuickJS: one script, JSX pointed at the SDK, no Node built-ins. */
export async function bundleProgram(
  dir: string,
  manifest: Manifest,
  options: { minify?: boolean },
): Promise<{ code: string; errors: [] } | { code: null; errors: Diagnostic[] }> {
  try {
    const out = await build({
      stdin: { contents: entrySource(dir, manifest), resolveDir: resolve(dir), sourcefile: '(entry)', loader: 'js' },
      absWorkingDir: resolve(dir),
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      minify: options.minify ?? true,
      jsx: 'automatic',
      jsxImportSource: 'atrium',
      alias: { atrium: join(sdkDir, 'index.ts'), 'atrium/jsx-runtime': join(sdkDir, 'jsx-runtime.ts') },
      legalComments: 'none',
      logLevel: 'silent',
    });
    return { code: out.outputFiles[0]!.text, errors: [] };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (errors?.length) return { code: null, errors: located(dir, errors) };
    return { code: null, errors: [{ file: '(build)', message: (e as Error).message }] };
  }
}
