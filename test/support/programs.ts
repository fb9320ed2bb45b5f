/**
 * Raw program bundles for runtime tests: plain JavaScript registering pages with the runtime,
 * exactly what a built bundle does, without going through the SDK or esbuild.
 */
export function rawProgram(pages: Record<string, string>, app?: string): string {
  const lines = Object.entries(pages).map(([route, def]) => `globalThis.__atrium.definePage(${JSON.stringify(route)}, ${def});`);
  if (app) lines.unshift(`globalThis.__atrium.defineApp(${app});`);
  return lines.join('\n');
}

/** A node the way render() returns one. */
export const nodeHelper = `function n(type, props, ...children) { return { type, props: props || {}, children }; }`;

export function pageConfig(routes: string[], tabs: string[] = []) {
  return { pages: routes, tabs };
}
