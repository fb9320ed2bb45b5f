import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildProgram, formatDiagnostic, type BuiltProgram, type Diagnostic } from '../build/index.ts';
import { EXIT, formatBytes, plural, type Command, type Io } from './command.ts';

/** A path as the user would type it from where they are. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * A build problem as a terminal line, its file given from where the user is, so editors and
 * terminals can open it. (Manifest and asset problems name files below the program; bundler
 * problems already come relative to the working directory.)
 */
export function describeDiagnostic(dir: string, d: Diagnostic): string {
  const inProgram = !d.file.startsWith('(') && existsSync(join(dir, d.file));
  return formatDiagnostic(inProgram ? { ...d, file: shown(join(dir, d.file)) } : d);
}

/** The short report of a successful build. */
export function buildSummary(p: BuiltProgram, outDir: string | null): string[] {
  const assets = p.assets.length ? `${plural(p.assets.length, 'asset')} (${formatBytes(p.bytes.assets)})` : 'no assets';
  return [
    `Built ${p.manifest.name} ${p.manifest.version}${outDir ? ` → ${shown(outDir)}` : ''}`,
    `  bundle  ${formatBytes(p.bytes.bundle)}, ${assets}`,
    `  pages   ${p.manifest.pages.join(', ')}`,
  ];
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Check the manifest, bundle the program for the sandbox and package its images',
  usage: 'atrium build [dir] [--out <dir>] [--no-minify]',
  details: [
    '  dir           the program (default: the current directory)',
    '  -o, --out     where to write bundle.js, atrium.json and assets/ (default: <dir>/dist)',
    '  --no-minify   keep the bundle readable',
  ],
  options: { out: { type: 'string', short: 'o' }, 'no-minify': { type: 'boolean' } },
  maxPositionals: 1,
  async run([dirArg], values, io: Io) {
    const dir = resolve(dirArg ?? '.');
    const outDir = resolve(dir, typeof values.out === 'string' ? values.out : 'dist');
    const result = await buildProgram(dir, { minify: !values['no-minify'], outDir });
    if (!result.ok) {
      for (const d of result.errors) io.err(describeDiagnostic(dir, d));
      io.err(`atrium build: ${shown(dir)} did not build (${plural(result.errors.length, 'error')})`);
      return EXIT.failed;
    }
    buildSummary(result, outDir).forEach((l) => io.out(l));
    return EXIT.ok;
  },
};
