/**
 * The guest SDK: what a mini-program imports. It runs inside the sandbox; every host API below
 * crosses the one bridge as a promise and rejects with an error carrying a stable `code`.
 *
 * @example
 * import { page, ui } from 'atrium';
 * export default page({
 *   data: { count: 0 },
 *   add() { this.setData({ count: this.data.count + 1 }); },
 *   render() { return <button onTap="add">Tapped {this.data.count} times</button>; },
 * });
 */
import type { ErrorCode, GuestNamespace, Json, NamespaceName } from './contract/index.ts';
import { jsx, type AtriumNode, type Child } from './jsx-runtime.ts';

export type { AtriumEvent, AtriumNode, Child, Handler } from './jsx-runtime.ts';
export type { ErrorCode, Json, Style } from './contract/index.ts';
export { Fragment } from './jsx-runtime.ts';

interface RuntimeApi {
  call(method: string, args: unknown): Promise<unknown>;
  AtriumError: new (code: string, message: string) => Error;
}

function runtime(): RuntimeApi {
  const rt = (globalThis as { __atrium?: RuntimeApi }).__atrium;
  if (!rt) throw new Error('atrium: the SDK runs inside the Atrium runtime (use atrium/testing to run a program in tests)');
  return rt;
}

function namespace<N extends NamespaceName>(name: N): GuestNamespace<N> {
  return new Proxy({} as GuestNamespace<N>, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      return (args?: unknown) => runtime().call(`${name}.${key}`, args);
    },
  });
}

/** Host-drawn UI (toasts, dialogs, loading) and the page stack (navigateTo, navigateBack, switchTab...). */
export const ui = namespace('ui');
/** Key-value storage the host keeps per user and app (1 MiB a value, 10 MiB in all). */
export const storage = namespace('storage');
/** Login codes for the merchant's backend, and the user's profile once they consent. */
export const auth = namespace('auth');
/** HTTPS requests to the merchant's own servers, as allowlisted in the manifest. */
export const net = namespace('net');
/** Orders and the host's payment sheet. */
export const payments = namespace('payments');
/** Group chats: join, leave, send, invite. */
export const groups = namespace('groups');
/** The QR scene that opened the program, and new codes. */
export const qr = namespace('qr');
/** The merchant's customer list: events, attributes, following. */
export const crm = namespace('crm');
/** Asking the user's consent to send them messages. */
export const subscribe = namespace('subscribe');

/** An error from a host API: `code` is one of the stable codes. */
export type AtriumError = Error & { code: ErrorCode };

/**
 * Tells whether a rejection carries a stable code.
 * @example
 * try { await payments.requestPayment({ orderId }); }
 * catch (e) { if (isAtriumError(e) && e.code === 'payment_cancelled') ui.toast({ title: 'Cancelled' }); }
 */
export function isAtriumError(e: unknown): e is AtriumError {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string';
}

/** What `this` is inside a page's lifecycle functions, handlers and `render`. */
export interface PageInstance<D> {
  /** The page's data; change it only through `setData`, which re-renders. */
  readonly data: D;
  /** This page's route, e.g. `pages/product`. */
  readonly route: string;
  /** The query the page was opened with. */
  readonly options: Record<string, string>;
  /**
   * Changes data and re-renders. Keys may be paths into the data.
   * @example
   * this.setData({ 'cart.items[2].qty': 3, total: 120 });
   */
  setData(patch: Partial<D> | Record<string, unknown>): void;
}

export interface PageLifecycle<D> {
  /** Initial data; it must be JSON (it is copied for every page instance). */
  data?: D;
  /** Title shown above the page until `ui.setTitle` changes it. */
  title?: string;
  /** The page opened, with its query (`/pages/product?id=3` gives `{ id: '3' }`). */
  onLoad?(query: Record<string, string>): unknown;
  /** The page became visible (opened, or another page closed on top of it). */
  onShow?(): unknown;
  /** Another page opened on top of this one. */
  onHide?(): unknown;
  /** The page was closed. */
  onUnload?(): unknown;
  /**
   * The session was brought back from its snapshot (the platform restarted the sandbox it ran
   * in, or it was set aside while idle): data and the page stack are back, but timers and host
   * calls still waiting then are not. `lost` says how many of each the session had; arm your
   * timers again here, and check on what you asked for (an order's status, say).
   */
  onRestore?(lost: RestoreInfo): unknown;
  /** Returns the view: JSX of the documented components. Called after every `setData`. */
  render(): AtriumNode | Child;
}

/** A page definition as the build registers it. */
export type PageDefinition = { readonly __page: true };

/**
 * Declares a page. Handlers are methods referenced by name from the view (`onTap="add"`) or passed
 * as functions (`onTap={() => ...}`).
 * @example
 * export default page({
 *   data: { qty: 1 },
 *   inc() { this.setData({ qty: this.data.qty + 1 }); },
 *   render() { return <view><text>{this.data.qty}</text><button onTap="inc">+</button></view>; },
 * });
 */
export function page<D extends Record<string, unknown>, M extends Record<string, unknown>>(
  def: PageLifecycle<D> & M & ThisType<PageInstance<D> & M>,
): PageDefinition {
  return def as unknown as PageDefinition;
}

export interface AppDefinition {
  /** Data shared by every page of the session, kept in snapshots. */
  globalData?: Json;
  /** The program started; `scene` says why (a QR code, a link). */
  onLaunch?(options: { route: string; query: Record<string, string>; scene: Json }): unknown;
  /** A handler threw and did not catch. */
  onError?(message: string): unknown;
  /** The session was brought back from its snapshot; see the page's `onRestore`. Called before the pages'. */
  onRestore?(lost: RestoreInfo): unknown;
}

/** What a session brought back from its snapshot lost: every page and the app hear the whole session's. */
export interface RestoreInfo {
  /** Timers (setTimeout, setInterval) that were pending; none of them will fire. */
  timers: number;
  /** Host methods called and not yet answered (e.g. `payments.requestPayment`); their promises never settle. */
  calls: string[];
}

/**
 * Declares the program-wide part (optional): `app.ts` exports it.
 * @example
 * export default app({ onLaunch({ scene }) { console.log('opened from', scene); } });
 */
export function app<T extends AppDefinition>(def: T & ThisType<T>): T {
  return def;
}

/**
 * Builds a view node without JSX.
 * @example
 * h('button', { onTap: 'add' }, 'Add to cart')
 */
export function h(type: string, props?: Record<string, unknown> | null, ...children: Child[]): AtriumNode {
  return jsx(type, { ...props, children });
}
