import type { ErrorBody, HostMethodName, Json, Scope, ShellEvent, ViewNode } from '../contract/index.ts';
import { Runtime, createDispatcher, type Limits, type Session } from '../../runtime/index.ts';
import { buildProgram, formatDiagnostic, type BuiltProgram } from '../build/index.ts';
import { createMemoryHost, type MemoryHostOptions, type MemoryHostState, type Stub, type Stubs } from './memory-host.ts';
import { describeView, findAll, lineage, textOf, type FoundNode, type NodeQuery } from './query.ts';

export interface OpenProgramOptions extends MemoryHostOptions {
  /** Page to open; default the first page in the manifest. */
  page?: string;
  query?: Record<string, string>;
  /** Host methods answered by your own functions instead of the in-memory host. */
  stubs?: Stubs;
  /** What the user answers when a personal-data scope is asked for. Default: grant. */
  consent?: 'grant' | 'deny' | Partial<Record<Scope, boolean>>;
  /** `manual` (default): timers fire only on `advance(ms)`. */
  clock?: 'manual' | 'real';
  limits?: Partial<Limits>;
  /** Run in this runtime instead of the shared one. */
  runtime?: Runtime;
  merchantId?: string;
  /** How long `settle()` waits for host calls before failing; default 5 s. */
  settleTimeoutMs?: number;
}

export interface RecordedCall {
  method: string;
  args: unknown;
  outcome?: { ok: true; data: unknown } | { ok: false; error: ErrorBody };
}

let shared: Promise<Runtime> | null = null;
/** One runtime per test process, started on first use; its worker never keeps the process alive. */
function sharedRuntime(): Promise<Runtime> {
  shared ??= Runtime.create({ shards: 1 });
  return shared;
}

/**
 * Runs a mini-program in the real sandbox runtime against an in-memory host, for tests.
 *
 * @example
 * const t = await openProgram('examples/shop');
 * await t.tap('Add to cart');
 * expect(t.text({ id: 'cart-count' })).toBe('1');
 */
export async function openProgram(program: string | BuiltProgram, options: OpenProgramOptions = {}): Promise<ProgramTester> {
  let built: BuiltProgram;
  if (typeof program === 'string') {
    const result = await buildProgram(program, { minify: false });
    if (!result.ok) throw new Error(`the program in ${program} did not build:\n${result.errors.map(formatDiagnostic).join('\n')}`);
    built = result;
  } else built = program;
  const runtime = options.runtime ?? (await sharedRuntime());
  const stubs: Stubs = { ...options.stubs };
  const host = createMemoryHost(options, stubs, { manifest: () => built.manifest });
  const tester = new ProgramTester(host.state, stubs, options.settleTimeoutMs ?? 5000);
  const consent = options.consent ?? 'grant';
  const dispatch = createDispatcher<null>({
    implementation: host.implementation,
    permissions: built.manifest.permissions,
    async consent(scope) {
      const granted = typeof consent === 'string' ? consent === 'grant' : (consent[scope] ?? true);
      host.state.consents[scope] = granted;
      return granted;
    },
  });
  const session = await runtime.open({
    merchantId: options.merchantId ?? 'test-merchant',
    appId: built.manifest.name,
    bundle: built.bundle,
    pages: { pages: built.manifest.pages, tabs: built.manifest.tabBar?.items.map((i) => i.page) ?? [] },
    route: options.page,
    query: options.query,
    clock: options.clock ?? 'manual',
    limits: options.limits,
    async onCall(call) {
      const rec: RecordedCall = { method: call.method, args: call.args };
      tester.calls.push(rec);
      const outcome = await dispatch(call, null);
      rec.outcome = outcome;
      return outcome;
    },
    listener: {
      log: (level, text) => tester.logs.push({ level, text }),
    },
  });
  tester.attach(session);
  await tester.settle();
  return tester;
}

/** A running program under test: read its view, act like a user, stub the host, move the clock. */
export class ProgramTester {
  readonly calls: RecordedCall[] = [];
  readonly logs: { level: string; text: string }[] = [];
  private session!: Session;
  /** Values typed into inputs, by name or id, for form submission. */
  private readonly typed = new Map<string, Json>();

  constructor(
    /** What the in-memory host recorded: toasts, dialogs, storage, orders, CRM events... */
    readonly host: MemoryHostState,
    private readonly stubs: Stubs,
    private readonly settleTimeoutMs: number,
  ) {}

  attach(session: Session): void {
    this.session = session;
  }

  /** The current view tree. */
  get view(): ViewNode {
    if (!this.session.view) throw new Error('the program has not rendered');
    return this.session.view;
  }
  get route(): string {
    return this.session.route;
  }
  get title(): string {
    return this.session.title;
  }
  /** Routes on the page stack, bottom first. */
  get stack(): string[] {
    return this.session.stack;
  }
  /** Why the session ended (a broken bound, a crash), or null while it runs. */
  get ended(): ErrorBody | null {
    return this.session.ended;
  }

  /** Answers a host method with your function from now on. */
  stub<M extends HostMethodName>(method: M, fn: Stub<M>): void {
    (this.stubs as Record<string, unknown>)[method] = fn;
  }

  query(q: NodeQuery): FoundNode | null {
    return findAll(this.view, q)[0] ?? null;
  }

  /** The first node matching; fails with the whole view printed when there is none. */
  find(q: NodeQuery): FoundNode {
    const found = this.query(q);
    if (!found) throw new Error(`no node matches ${describeQuery(q)} in the view:\n${describeView(this.view)}`);
    return found;
  }

  findAll(q: NodeQuery): FoundNode[] {
    return findAll(this.view, q);
  }

  /** The text of the matching node, or of the whole view. */
  text(q?: NodeQuery): string {
    return textOf(q === undefined ? this.view : this.find(q).node);
  }

  /** Methods called on the host so far, in order. */
  called(method: HostMethodName): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Taps a node; the handler is the node's `onTap` or the nearest ancestor's, as in the shell. */
  async tap(q: NodeQuery | FoundNode): Promise<void> {
    const found = isFound(q) ? q : this.find(q);
    const chain = lineage(this.view, found.path).reverse();
    for (const n of chain) {
      if (n.type === 'navigator' && typeof n.props.url === 'string') {
        return this.send({ handler: '$nav', type: 'tap', value: { url: n.props.url, openType: (n.props.openType as string) ?? 'navigate' } });
      }
      if (n.type === 'button' && n.props.formType && !n.props.onTap) {
        const form = chain.find((x) => x.type === 'form');
        if (form) return n.props.formType === 'submit' ? this.submitForm(form) : this.resetForm(form);
      }
      if (typeof n.props.onTap === 'string') {
        if (n.props.disabled === true) return;
        return this.send({ handler: n.props.onTap, type: 'tap', data: (n.props.data as Json) ?? null });
      }
    }
    throw new Error(`nothing handles a tap on ${isFound(q) ? `<${q.node.type}>` : describeQuery(q)}:\n${describeView(found.node)}`);
  }

  /** Types into an input or textarea (an `input` event with the whole new value). */
  async type(q: NodeQuery, value: string): Promise<void> {
    const { node } = this.find(typeof q === 'string' ? { id: q } : q);
    const key = (node.props.name ?? node.props.id) as string | undefined;
    if (key) this.typed.set(key, value);
    const handler = node.props.onInput ?? node.props.onChange;
    if (typeof handler === 'string') await this.send({ handler, type: 'input', data: (node.props.data as Json) ?? null, value });
  }

  /** Changes a switch, checkbox or picker. */
  async change(q: NodeQuery, value: Json): Promise<void> {
    const { node } = this.find(typeof q === 'string' ? { id: q } : q);
    const key = (node.props.name ?? node.props.id) as string | undefined;
    if (key) this.typed.set(key, value);
    if (typeof node.props.onChange === 'string') {
      await this.send({ handler: node.props.onChange, type: 'change', data: (node.props.data as Json) ?? null, value });
    }
  }

  private async submitForm(form: ViewNode): Promise<void> {
    const values: Record<string, Json> = {};
    const walk = (n: ViewNode) => {
      const name = n.props.name;
      if (typeof name === 'string') {
        values[name] = this.typed.get(name) ?? ((n.props.value ?? n.props.checked ?? null) as Json);
      }
      for (const c of n.children) if (typeof c !== 'string') walk(c);
    };
    walk(form);
    if (typeof form.props.onSubmit === 'string') await this.send({ handler: form.props.onSubmit, type: 'submit', value: values });
  }

  private async resetForm(form: ViewNode): Promise<void> {
    this.typed.clear();
    if (typeof form.props.onReset === 'string') await this.send({ handler: form.props.onReset, type: 'reset' });
  }

  /** Presses the host's back button (closes the top page). */
  async back(): Promise<void> {
    if (this.stack.length < 2) throw new Error(`there is no page to go back to (stack: ${this.stack.join(', ')})`);
    await this.send({ handler: '$nav', type: 'tap', value: { openType: 'back' } });
  }

  /** Taps a tab in the host's tab bar. */
  async switchTab(route: string): Promise<void> {
    await this.send({ handler: '$nav', type: 'tap', value: { url: `/${route.replace(/^\//, '')}`, openType: 'switchTab' } });
  }

  /** Sends a raw shell event and waits until the program has settled. */
  async send(ev: ShellEvent): Promise<void> {
    await this.session.event(ev);
    await this.settle();
  }

  /** Waits until every host call has been answered and the program has run with the answers. */
  async settle(): Promise<void> {
    const until = Date.now() + this.settleTimeoutMs;
    while (this.session.inFlight > 0) {
      if (this.session.ended) return;
      if (Date.now() > until) {
        const waiting = this.calls.filter((c) => !c.outcome).map((c) => c.method);
        throw new Error(`the program did not settle: still waiting for ${waiting.join(', ') || 'the runtime'}`);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  /** Manual clock: moves time forward by `ms`, firing due timers in order, then settles. */
  async advance(ms: number): Promise<void> {
    await this.session.advanceClock(ms);
    await this.settle();
  }

  snapshot() {
    return this.session.takeSnapshot();
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

function isFound(q: NodeQuery | FoundNode): q is FoundNode {
  return typeof q === 'object' && !(q instanceof RegExp) && 'node' in q && 'path' in q;
}

function describeQuery(q: NodeQuery): string {
  if (typeof q === 'string') return JSON.stringify(q);
  if (q instanceof RegExp) return String(q);
  return JSON.stringify(q);
}
