import { importsOf, sourceFiles, type Edge } from './imports.ts';

/**
 * The floors of the codebase, and which way imports may point between them. Each rule names the
 * files it binds, the edges it forbids, and why; a forbidden edge fails with the file and line.
 */
interface Rule {
  name: string;
  from: (file: string) => boolean;
  forbids: (to: string, from: string) => boolean;
}

const under = (prefix: string) => (path: string) => path.startsWith(prefix);
const moduleOf = (path: string) => /^host\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;
/** A module is entered by its door: index.ts for the host, browser.ts for pages. */
const isDoor = (path: string) => /^host\/modules\/[^/]+\/(index|browser)\.ts$/.test(path);

export const rules: Rule[] = [
  {
    name: 'lib is the ground floor: it imports only itself and the contract',
    from: under('lib/'),
    forbids: (to) => !to.startsWith('lib/') && !to.startsWith('sdk/contract/'),
  },
  {
    name: 'the contract imports nothing but itself',
    from: under('sdk/contract/'),
    forbids: (to) => !to.startsWith('sdk/contract/'),
  },
  {
    name: 'the SDK never carries the host (merchants install it)',
    from: under('sdk/'),
    forbids: under('host/'),
  },
  {
    name: 'the runtime never imports the host, the CLI or the test harness',
    from: under('runtime/'),
    forbids: (to) => to.startsWith('host/') || to.startsWith('sdk/cli/') || to.startsWith('sdk/testing/'),
  },
  {
    name: 'the host never imports the merchant CLI',
    from: under('host/'),
    forbids: under('sdk/cli/'),
  },
  {
    name: 'host modules never import pages',
    from: under('host/modules/'),
    forbids: under('host/web/'),
  },
  {
    name: 'modules never import flows (flows are built on modules, not the other way)',
    from: under('host/modules/'),
    forbids: under('host/flows/'),
  },
  {
    name: 'a module enters another only through its door',
    from: (f) => moduleOf(f) !== null,
    forbids: (to, from) => moduleOf(to) !== null && moduleOf(to) !== moduleOf(from) && !isDoor(to),
  },
  {
    name: "pages take from modules and sessions only through their browser doors, and nothing else of the server",
    from: under('host/web/'),
    forbids: (to, from) => {
      if (to.startsWith('host/web/') || to.startsWith('lib/') || to.startsWith('sdk/contract/') || to.startsWith('sdk/view/')) return false;
      if (/^host\/modules\/[^/]+\/browser\.ts$/.test(to) || to === 'host/sessions/browser.ts') return false;
      // The server side of the sites (routes that serve the bundles) may build them.
      return !/^host\/web\/(index|page)\.ts$/.test(from);
    },
  },
];

const production = (f: string) => !/\.test\.tsx?$/.test(f) && !f.startsWith('test/');

/** The edges that break a rule, as `file:line → target (rule)`. */
export function brokenBy(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) for (const r of rules) if (r.from(e.from) && r.forbids(e.to, e.from)) out.push(`${e.from}:${e.line} → ${e.to} (${r.name})`);
  return out;
}

/** Every import of the production code (tests and test support may reach anywhere). */
export function productionEdges(): Edge[] {
  return sourceFiles(['lib', 'sdk', 'runtime', 'host']).filter(production).flatMap(importsOf);
}
