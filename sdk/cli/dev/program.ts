import { watch, type FSWatcher } from 'node:fs';
import { createDispatcher, type Runtime, type Session } from '../../../runtime/index.ts';
import { buildProgram, type BuiltProgram } from '../../build/index.ts';
import type { ShellEvent } from '../../contract/index.ts';
import { describeDiagnostic } from '../build.ts';
import { createDevHost } from './host.ts';
import type { ModalRequest, ProgramInfo, ServerMessage } from './protocol.ts';

const DEBOUNCE_MS = 120;
/** Changes here never need a rebuild. */
const IGNORED = /(^|[\\/])(dist|node_modules|\.git)([\\/]|$)|(^|[\\/])\.[^\\/]*$|~$/;

/** One browser page showing the program: its own session and its own in-memory host. */
interface Client {
  id: string;
  send(message: ServerMessage): void;
  session: Session | null;
  /** Bumped on every (re)open, so updates from a closed session are dropped. */
  generation: number;
  host: ReturnType<typeof createDevHost>;
  modals: Map<number, (confirm: boolean) => void>;
}

/**
 * A program under `atrium dev`: built from its folder, rebuilt when a file changes, and run in a
 * session per connected page. A successful rebuild reopens every page's session; a failed one
 * shows the located errors in every page.
 */
export class DevProgram {
  built: BuiltProgram | null = null;
  errors: string[] = [];
  private readonly clients = new Map<string, Client>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private building: Promise<void> | null = null;
  private again = false;
  private nextModal = 1;
  /** Called after every build, for logs. */
  onBuilt: (p: DevProgram) => void = () => {};

  constructor(
    readonly id: string,
    readonly dir: string,
    private readonly runtime: Runtime,
  ) {}

  get info(): ProgramInfo | null {
    const m = this.built?.manifest;
    if (!m) return null;
    return {
      name: m.name,
      version: m.version,
      title: m.window?.title ?? null,
      background: m.window?.background ?? null,
      tabBar: m.tabBar?.items.map((i) => ({ page: i.page, text: i.text })) ?? [],
    };
  }

  /** Builds once and starts watching the folder. */
  async start(): Promise<void> {
    await this.rebuild();
    this.watcher = watch(this.dir, { recursive: true }, (_, file) => {
      if (file && IGNORED.test(String(file))) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.rebuild(), DEBOUNCE_MS);
    });
  }

  /** Rebuilds; a change arriving during a build runs one more build after it. */
  rebuild(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      do {
        this.again = false;
        await this.buildOnce();
      } while (this.again);
    })().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async buildOnce(): Promise<void> {
    const result = await buildProgram(this.dir, { minify: false });
    if (!result.ok) {
      this.errors = result.errors.map((d) => describeDiagnostic(this.dir, d));
      for (const c of this.clients.values()) c.send({ kind: 'errors', lines: this.errors });
      this.onBuilt(this);
      return;
    }
    this.built = result;
    this.errors = [];
    this.onBuilt(this);
    await Promise.all(
      [...this.clients.values()].map(async (c) => {
        c.send({ kind: 'program', program: this.info! });
        c.send({ kind: 'reload' });
        await this.open(c);
      }),
    );
  }

  /**
   * A page connected: greet it with the program and its first view, or the build errors. A page
   * that reconnects with the same id replaces its old connection. Resolves to what `disconnect` takes.
   */
  async connect(id: string, send: (m: ServerMessage) => void): Promise<object> {
    this.disconnect(id);
    const client: Client = {
      id,
      send,
      session: null,
      generation: 0,
      modals: new Map(),
      host: undefined as never,
    };
    client.host = createDevHost(() => this.built!.manifest, {
      send: (m) => client.send(m),
      ask: (modal) => this.ask(client, modal),
    });
    this.clients.set(id, client);
    if (this.info) send({ kind: 'program', program: this.info });
    if (this.errors.length) send({ kind: 'errors', lines: this.errors });
    if (this.built) await this.open(client);
    return client;
  }

  /** A page went away; with `connection`, only if that connection is still the page's current one. */
  disconnect(id: string, connection?: object): void {
    const c = this.clients.get(id);
    if (!c || (connection && c !== connection)) return;
    this.clients.delete(id);
    c.generation++;
    for (const answer of c.modals.values()) answer(false);
    void c.session?.close().catch(() => {});
    c.session = null;
  }

  /** Opens (or reopens) the program for one page, closing its previous session. */
  async open(c: Client): Promise<void> {
    const built = this.built;
    if (!built) return;
    const generation = ++c.generation;
    for (const answer of c.modals.values()) answer(false);
    c.modals.clear();
    const old = c.session;
    c.session = null;
    await old?.close().catch(() => {});
    const dispatch = createDispatcher<null>({
      implementation: c.host.implementation,
      permissions: built.manifest.permissions,
      consent: (scope) => c.host.consent(scope),
    });
    const current = () => c.generation === generation && this.clients.get(c.id) === c;
    try {
      const session = await this.runtime.open({
        merchantId: 'dev',
        appId: `dev-${this.id}`,
        bundle: built.bundle,
        pages: { pages: built.manifest.pages, tabs: built.manifest.tabBar?.items.map((i) => i.page) ?? [] },
        onCall: (call) => dispatch(call, null),
        listener: {
          update: (update) => current() && c.send({ kind: 'update', update }),
          log: (level, text) => current() && c.send({ kind: 'log', level, text }),
          ended: (reason) => current() && c.send({ kind: 'ended', code: reason.code, message: reason.message }),
        },
      });
      if (current()) c.session = session;
      else await session.close();
    } catch (e) {
      const body = e as { code?: string; message?: string };
      if (current()) c.send({ kind: 'ended', code: body.code ?? 'internal', message: body.message ?? String(e) });
    }
  }

  /** A shell event from a page, into its session. */
  async event(clientId: string, ev: ShellEvent): Promise<void> {
    const c = this.clients.get(clientId);
    if (!c?.session) throw new Error('this page has no running session; reload it');
    await c.session.event(ev);
  }

  answer(clientId: string, id: number, confirm: boolean): boolean {
    const resolve = this.clients.get(clientId)?.modals.get(id);
    resolve?.(confirm);
    return Boolean(resolve);
  }

  async restart(clientId: string): Promise<boolean> {
    const c = this.clients.get(clientId);
    if (!c) return false;
    c.send({ kind: 'reload' });
    await this.open(c);
    return true;
  }

  private ask(c: Client, modal: Omit<ModalRequest, 'id'>): Promise<boolean> {
    const id = this.nextModal++;
    return new Promise((resolve) => {
      c.modals.set(id, (confirm) => {
        c.modals.delete(id);
        resolve(confirm);
      });
      c.send({ kind: 'modal', modal: { id, ...modal } });
    });
  }

  /** Assets of the last good build, by path (`assets/logo.png`). */
  asset(path: string) {
    return this.built?.assets.find((a) => a.path === path) ?? null;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    for (const id of [...this.clients.keys()]) this.disconnect(id);
  }
}
