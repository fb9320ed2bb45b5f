import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { manifestSchema, type Manifest } from '../contract/index.ts';
import { lineColumn, type Diagnostic } from './diagnostics.ts';

export const MANIFEST_FILE = 'atrium.json';
export const PAGE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js'];

/**
 * Reads and checks `atrium.json`: JSON syntax, the schema (unknown keys, scopes without a reason),
 * and that every page has a source file. Each problem is located at its line in the file.
 */
export function loadManifest(dir: string): { manifest: Manifest; errors: [] } | { manifest: null; errors: Diagnostic[] } {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return { manifest: null, errors: [{ file: MANIFEST_FILE, message: `missing: ${dir} has no ${MANIFEST_FILE}` }] };
  const text = readFileSync(file, 'utf8');
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { allowTrailingComma: false, disallowComments: true });
  if (syntax.length || !tree) {
    return {
      manifest: null,
      errors: syntax.map((e) => ({ file: MANIFEST_FILE, ...lineColumn(text, e.offset), message: `JSON: ${printParseErrorCode(e.error)}` })),
    };
  }
  const raw = JSON.parse(text) as unknown;
  const at = (path: (string | number)[]) => {
    // Point at the deepest part of the path that exists (an unknown key's parent, a missing key's object).
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) return lineColumn(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return {};
  };
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      manifest: null,
      errors: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const where = keys.length ? [...path, keys[0]!] : path;
        const name = path.length ? path.join('.') : '(top level)';
        const message = keys.length ? `${name}: unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` : `${name}: ${issue.message}`;
        return { file: MANIFEST_FILE, ...at(where), message };
      }),
    };
  }
  const manifest = parsed.data;
  const errors: Diagnostic[] = [];
  manifest.pages.forEach((route, i) => {
    if (!pageFile(dir, route)) {
      errors.push({ file: MANIFEST_FILE, ...at(['pages', i]), message: `pages.${i}: no file for page "${route}" (expected ${route}.tsx or ${route}.ts)` });
    }
  });
  return errors.length ? { manifest: null, errors } : { manifest, errors: [] };
}

export function pageFile(dir: string, route: string): string | null {
  for (const ext of PAGE_EXTENSIONS) {
    const f = join(dir, route + ext);
    if (existsSync(f)) return route + ext;
  }
  return null;
}
