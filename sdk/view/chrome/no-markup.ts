/**
 * Node side: an esbuild plugin for the sites' scripts that takes out Preact's one way to parse
 * markup, the `dangerouslySetInnerHTML` prop, which would otherwise ship in every page that uses
 * Preact. What the pages draw is only ever text nodes; a page that passes the prop throws instead.
 * The build fails if Preact's code no longer has the one assignment this expects.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const ASSIGNMENT = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const REFUSAL = '(()=>{throw new Error("Atrium\'s pages never parse markup: dangerouslySetInnerHTML is not available")})()';

export const noMarkup: Plugin = {
  name: 'atrium-no-markup',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const found = code.match(ASSIGNMENT)?.length ?? 0;
      if (found !== 1) throw new Error(`expected one innerHTML assignment in ${args.path}, found ${found}: check the no-markup plugin against this Preact`);
      return { contents: code.replace(ASSIGNMENT, REFUSAL), loader: 'js' };
    });
  },
};
