import { randomUUID } from 'node:crypto';
import {
  AtriumError,
  type ArgsOutput,
  type HostImplementation,
  type HostMethodName,
  type Json,
  type Manifest,
  type ResultOf,
  type Scope,
  refusingPlanned,
} from '../contract/index.ts';
import { memoryGroups, type GroupsState, type TestGroup } from './memory-groups.ts';
import { acceptedBy, memorySubscriptions, type SubscribeAnswer, type SubscriptionsState } from './memory-subscriptions.ts';

/** Replaces one host method in tests: receives the validated arguments, returns the result or throws. */
export type Stub<M extends HostMethodName = HostMethodName> = (args: ArgsOutput<M>) => ResultOf<M> | Promise<ResultOf<M>>;
export type Stubs = { [M in HostMethodName]?: Stub<M> };

export interface MemoryHostOptions {
  /** What `qr.getScene()` answers. */
  scene?: { scene: string; codeId: string; firstScanAt: string } | null;
  user?: { nickname: string; avatarUrl: string };
  /** The answer of every host-drawn dialog, unless a stub says otherwise. Default: confirm. */
  modalAnswer?: boolean;
  /** Whether the user picks a chat in the share sheet. Default: shares. */
  shareAnswer?: boolean;
  /** What the user does in the payment sheet. Default: pays. */
  payment?: 'pay' | 'cancel' | 'insufficient_funds';
  storageLimitBytes?: number;
  /** What the user's storage for this app already holds when the program opens. */
  storage?: Record<string, Json>;
  /** The merchant's groups the program can reach through `groups.*`. */
  groups?: TestGroup[];
  /** What the user answers subscription prompts: accept all (default), reject all, or per template id. */
  subscribe?: SubscribeAnswer;
}

/** What the in-memory host knows of the program beyond the options, and host-drawn UI a dev shell draws for real. */
export interface MemoryHostProgram {
  /** The program's manifest: the subscription templates `subscribe` accepts. */
  manifest?: () => Manifest | undefined;
  /** Asks the user about subscription templates; resolves with the ids accepted. Default: `options.subscribe`. */
  askSubscribe?: (templates: { id: string; title: string }[]) => Promise<string[]>;
}

export interface MemoryHostState {
  toasts: { title: string; icon?: string }[];
  modals: { title: string; content?: string; answer: boolean }[];
  loading: string | null;
  storage: Map<string, Json>;
  orders: Map<string, { orderId: string; amount: number; currency: string; status: string; refundedAmount: number; createdAt: string; paidAt: string | null }>;
  consents: Partial<Record<Scope, boolean>>;
  groups: GroupsState['groups'];
  /** Codes the program made with qr.createCode. */
  codes: { codeId: string; scene: string; label: string | null }[];
  /** Whether the user follows the program's merchant. */
  following: boolean;
  /** What the program offered to share, and whether the user did. */
  shares: { title: string; page: string; query: Record<string, string>; shared: boolean }[];
  /** Subscription prompts and the grants they left (unused, per template). */
  subscriptions: SubscriptionsState;
}

const MiB = 1024 * 1024;

/** A planned method's place: `refusingPlanned` answers for it, as the real host does. */
const refused = async (): Promise<never> => {
  throw new AtriumError('not_implemented');
};

function notStubbed(method: string): never {
  throw new AtriumError('not_stubbed', `${method} has no in-memory behaviour: stub it, e.g. t.stub('${method}', (args) => ...)`);
}

/**
 * A host that keeps everything in memory: host-drawn UI is recorded, storage keeps its quotas,
 * payments follow `options.payment`. Anything a test stubs wins. `satisfies HostImplementation`
 * keeps it complete: a new contract method without an entry here fails the type check.
 */
export function createMemoryHost(options: MemoryHostOptions = {}, stubs: Stubs = {}, program: MemoryHostProgram = {}) {
  const user = options.user ?? { nickname: 'Test User', avatarUrl: 'https://example.com/avatar.png' };
  const limit = options.storageLimitBytes ?? 10 * MiB;
  const groups = memoryGroups(options.groups);
  const subscriptions = memorySubscriptions(program.manifest ?? (() => undefined), program.askSubscribe ?? (async (offered) => acceptedBy(options.subscribe, offered)));
  const state: MemoryHostState = {
    groups: groups.state.groups,
    subscriptions: subscriptions.state,
    shares: [],
    codes: [],
    following: false,
    toasts: [],
    modals: [],
    loading: null,
    storage: new Map(Object.entries(options.storage ?? {})),
    orders: new Map(),
    consents: {},
  };
  let codes = 0;
  const used = () => [...state.storage].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

  const base = {
    ui: {
      async toast(_, a) {
        state.toasts.push(a.icon ? { title: a.title, icon: a.icon } : { title: a.title });
        return null;
      },
      async showModal(_, a) {
        const answer = options.modalAnswer ?? true;
        state.modals.push({ title: a.title, content: a.content, answer });
        return { confirm: answer };
      },
      async share(_, a) {
        const shared = options.shareAnswer ?? true;
        state.shares.push({ title: a.title, page: a.page, query: a.query ?? {}, shared });
        return { shared };
      },
      async showLoading(_, a) {
        state.loading = a?.title ?? '';
        return null;
      },
      async hideLoading() {
        state.loading = null;
        return null;
      },
    },
    storage: {
      async get(_, a) {
        return { value: state.storage.get(a.key) ?? null };
      },
      async set(_, a) {
        const size = JSON.stringify(a.value).length;
        if (size > MiB) throw new AtriumError('quota_exceeded', `a value is limited to 1 MiB; this one is ${size} bytes`);
        const before = state.storage.get(a.key);
        const next = used() - (before === undefined ? 0 : a.key.length + JSON.stringify(before).length) + a.key.length + size;
        if (next > limit) throw new AtriumError('quota_exceeded', `storage is limited to ${limit} bytes per user and app`);
        state.storage.set(a.key, a.value);
        return null;
      },
      async remove(_, a) {
        state.storage.delete(a.key);
        return null;
      },
      async info() {
        return { keys: [...state.storage.keys()], usedBytes: used(), limitBytes: limit };
      },
      async clear() {
        state.storage.clear();
        return null;
      },
    },
    auth: {
      async login() {
        return { code: `test-code-${++codes}` };
      },
      async getUserProfile() {
        return { nickname: user.nickname, avatarUrl: user.avatarUrl };
      },
      getPhoneNumber: refused,
    },
    net: {
      async request() {
        return notStubbed('net.request');
      },
    },
    payments: {
      async createOrder(_, a) {
        const amount = a.items.reduce((n, i) => n + i.quantity * i.unitAmount, 0);
        const orderId = `order-${randomUUID().slice(0, 8)}`;
        state.orders.set(orderId, { orderId, amount, currency: a.currency, status: 'created', refundedAmount: 0, createdAt: new Date().toISOString(), paidAt: null });
        return { orderId, amount, currency: a.currency, status: 'created' as const };
      },
      async requestPayment(_, a) {
        const order = state.orders.get(a.orderId);
        if (!order) throw new AtriumError('not_found', `no order ${a.orderId}`);
        if (order.status !== 'created') throw new AtriumError('conflict', `order ${a.orderId} is ${order.status}`);
        if (options.payment === 'cancel') throw new AtriumError('payment_cancelled');
        if (options.payment === 'insufficient_funds') throw new AtriumError('insufficient_funds');
        order.status = 'paid';
        order.paidAt = new Date().toISOString();
        return { orderId: order.orderId, status: 'paid' as const, paidAt: order.paidAt };
      },
      async getOrder(_, a) {
        const o = state.orders.get(a.orderId);
        if (!o) throw new AtriumError('not_found', `no order ${a.orderId}`);
        return { ...o, status: o.status as ResultOf<'payments.getOrder'>['status'] };
      },
      async requestRefund() {
        return notStubbed('payments.requestRefund');
      },
    },
    // Planned on the host (sdk/contract: `planned`): refused below as the real host refuses them.
    groups: groups.groups,
    qr: {
      async getScene() {
        return options.scene ?? null;
      },
      async createCode(_, a) {
        const codeId = `test-code-${state.codes.length + 1}`;
        state.codes.push({ codeId, scene: a.scene, label: a.label ?? null });
        return { codeId, url: `/q/${codeId}`, imageUrl: `/api/qr/${codeId}/image?format=png&size=512` };
      },
    },
    crm: {
      recordEvent: refused,
      setAttributes: refused,
      async follow() {
        state.following = true;
        return { following: true as const };
      },
      async unfollow() {
        state.following = false;
        return { following: false as const };
      },
    },
    subscribe: subscriptions.subscribe,
  } satisfies HostImplementation<unknown>;

  // Planned methods are refused as the real host refuses them; a test may still stub one.
  const implementation = withStubs(refusingPlanned(base), stubs);
  return { implementation, state, stubs };
}

/** Routes each method through `stubs` first, so a test may add a stub at any time. */
function withStubs<Ctx>(base: HostImplementation<Ctx>, stubs: Stubs): HostImplementation<Ctx> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [ns, methods] of Object.entries(base)) {
    out[ns] = {};
    for (const [name, fn] of Object.entries(methods as Record<string, (ctx: Ctx, a: unknown) => Promise<unknown>>)) {
      const key = `${ns}.${name}` as HostMethodName;
      out[ns]![name] = async (ctx: Ctx, a: unknown) => {
        const stub = stubs[key] as ((a: unknown) => unknown) | undefined;
        return stub ? await stub(a) : fn(ctx, a);
      };
    }
  }
  return out as HostImplementation<Ctx>;
}
