import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** One import of one file: where it is, and the repository path it names. */
export interface Edge {
  from: string;
  to: string;
  line: number;
}

const skip = new Set(['node_modules', '.git', 'data', 'dist', '.scratch', 'test-results']);

/** Every TypeScript file under `dirs`, as repository paths. */
export function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      if (skip.has(name)) continue;
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`, comments left out. */
const IMPORT = /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files a file imports that live in this repository (packages are left out). */
export function importsOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    const to = normalize(relative(root, join(root, dirname(file), spec)));
    const at = m.index + m[0].length - m[0].trimStart().length;
    edges.push({ from: file, to, line: text.slice(0, at).split('\n').length });
  }
  return edges;
}
