import { existsSync } from 'node:fs';
import { buildProgram, formatDiagnostic, type BuiltProgram } from '../sdk/build/index.ts';

/** Builds an example the way `atrium build` does (minified). */
export async function built(dir: string): Promise<BuiltProgram> {
  const r = await buildProgram(dir, { minify: true });
  if (!r.ok) throw new Error(`${dir} did not build:\n${r.errors.map(formatDiagnostic).join('\n')}`);
  return r;
}

export function shopOrHello(): string {
  return existsSync('examples/shop/atrium.json') ? 'examples/shop' : 'examples/hello';
}

/**
 * Plausible minified code of a given size: many small functions with branches, literals and
 * closures, all defined and none called, which is what most of a bundle is at load time.
 */
export function syntheticCode(kib: number): string {
  const parts: string[] = ['(function(){var m={};'];
  let size = parts[0]!.length;
  for (let i = 0; size < kib * 1024 - 40; i++) {
    const f = `m.f${i}=function(a,b){var x=a+b*${i % 7};if(x>${i % 13}){return[x,"s${i}",{k:x,v:b}]}for(var j=0;j<a;j++){x+=j%3?j:-j}return String(x)+"${i}"};`;
    parts.push(f);
    size += f.length;
  }
  parts.push('globalThis.__synthetic=m;})();');
  return parts.join('');
}
