import { assembleHostApi, type HostApi } from './bridge/index.ts';
import type { HostModule, ModuleHost, ModuleName, ModuleServices, Started } from './module.ts';

/** What the host makes before any module: the parts every module may use. */
export type Core = Omit<ModuleHost, 'get' | 'hostApi'>;

/**
 * Starts modules in the order given and keeps what they add: services by name for the modules
 * after them, routes, host API namespaces, timers, and how to stop, in reverse order.
 */
export function assemble(core: Core) {
  const services = new Map<string, unknown>();
  const started: { name: string; parts: Started<unknown> }[] = [];
  const intervals: NodeJS.Timeout[] = [];
  let api: HostApi | null = null;

  const host: ModuleHost = {
    ...core,
    get<K extends ModuleName>(name: K): ModuleServices[K] {
      if (!services.has(name)) throw new Error(`the "${name}" module is not started: it must come before the modules that use it in platform.ts`);
      return services.get(name) as ModuleServices[K];
    },
    hostApi() {
      if (!api) throw new Error('the host API is assembled once every module has started');
      return api;
    },
  };

  function runTimer(name: string, run: () => Promise<unknown>): void {
    void run().catch((e: unknown) => core.log(`${name} failed: ${(e as Error).message}`));
  }

  return {
    host,

    async start(m: HostModule): Promise<void> {
      if (services.has(m.name)) throw new Error(`two modules are called "${m.name}"`);
      const parts = await m.start(host);
      services.set(m.name, parts.service);
      started.push({ name: m.name, parts });
    },

    /** Once every module has started: the host API from their namespaces (plus `core`), and their clocks. */
    finish(core: Partial<HostApi>) {
      api = assembleHostApi(...started.map((s) => s.parts.bridge ?? {}), core);
      for (const { parts } of started) {
        for (const t of parts.timers ?? []) {
          if (t.atStart) runTimer(t.name, t.run);
          const every = setInterval(() => runTimer(t.name, t.run), t.everyMs);
          every.unref();
          intervals.push(every);
        }
      }
      return { routes: started.flatMap((s) => s.parts.routes ?? []), largeBodies: started.flatMap((s) => s.parts.largeBodies ?? []), hostApi: api };
    },

    /** Stops the clocks, then every module in the reverse of the order they started. */
    async stop(): Promise<void> {
      for (const i of intervals) clearInterval(i);
      for (const { name, parts } of [...started].reverse()) {
        await parts.close?.().catch((e: unknown) => core.log(`stopping ${name} failed: ${(e as Error).message}`));
      }
    },
  };
}
