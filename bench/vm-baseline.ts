import vm from 'node:vm';

/**
 * The same guest work in Node's own `vm`: the runtime's bootstrap and the program's bundle run in a
 * V8 context with a trivial bridge. It is the baseline the sandbox's figures are compared with.
 */
export class VmSession {
  private readonly ctx: vm.Context;
  private readonly enter: (op: string, arg: string) => string;

  constructor(bootstrap: string, bundle: string) {
    this.ctx = vm.createContext({ __atrium_bridge: () => '' });
    new vm.Script(bootstrap).runInContext(this.ctx);
    this.enter = vm.runInContext('const e = globalThis.__atrium_enter; delete globalThis.__atrium_enter; e', this.ctx);
    new vm.Script(bundle).runInContext(this.ctx);
  }

  launch(pages: string[], route = pages[0]!): string {
    this.enter('launch', JSON.stringify({ route, query: {}, scene: null, pages, tabs: [] }));
    return this.enter('flush', '');
  }

  event(handler: string, data?: unknown): string {
    this.enter('event', JSON.stringify({ handler, type: 'tap', data }));
    return this.enter('flush', '');
  }
}
