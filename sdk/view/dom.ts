/**
 * Draws a mini-program's view tree with DOM APIs and turns what the user does into `ShellEvent`s.
 * Browser code, shared by the dev shell and the host's shell.
 *
 * Program strings only ever become text nodes, attribute values of known attributes, or CSSOM
 * values of whitelisted properties: nothing a program sends is parsed as HTML, CSS or script.
 *
 * @example
 * const r = createRenderer(document.getElementById('page')!, { onEvent: (ev) => send(ev) });
 * r.render(update.view);     // a whole view
 * r.patch(update.patches);   // or the changes since the last one
 */
import type { Json, ShellEvent, ViewChild, ViewNode } from '../contract/view.ts';
import { applyPatches, type Patch } from '../../lib/frames.ts';
import { create, fieldValue, update, type DrawContext, type Mounted } from './components.ts';

export { componentCss } from './styles.ts';
export type { Patch };

export interface RendererOptions {
  /** Called for every user action that a handler of the view asked for. */
  onEvent(ev: ShellEvent): void;
  /**
   * The URL of a program asset named by an `image` (`assets/logo.png`); default: `assets/...`
   * relative to the page. `https://` sources are used as they are.
   */
  assetUrl?(path: string): string;
}

export interface Renderer {
  /** Draws a whole view, reusing what is already drawn (fields keep focus, keyed rows move). */
  render(view: ViewNode): void;
  /** Applies the changes since the last view. */
  patch(patches: Patch[]): void;
  /** The view as drawn now. */
  readonly view: ViewNode | null;
  /** Removes everything and stops listening. */
  destroy(): void;
}

const LONG_PRESS_MS = 500;
const REACH_END_PX = 48;
const FIELDS = new Set(['input', 'textarea', 'switch', 'checkbox', 'picker']);

/** `assets/x.png` or `/assets/x.png`: a path below the program, never outside it. */
const ASSET_PATH = /^\/?[\w./-]+$/;

export function createRenderer(container: HTMLElement, options: RendererOptions): Renderer {
  const doc = container.ownerDocument;
  const byElement = new WeakMap<Element, Mounted>();
  const ctx: DrawContext = {
    doc,
    imageUrl(src) {
      if (src.startsWith('https://')) return src;
      if (!ASSET_PATH.test(src) || src.includes('..')) return null;
      const path = src.replace(/^\//, '');
      return options.assetUrl ? options.assetUrl(path) : path;
    },
  };
  let root: Mounted | null = null;
  let view: ViewNode | null = null;

  function build(node: ViewNode): Mounted {
    const m: Mounted = { node, kids: [], ...create(node.type, ctx) };
    byElement.set(m.el, m);
    if (m.field && m.field !== m.el) byElement.set(m.field, m);
    update(m, null, ctx);
    if (m.slot) syncChildren(m, node.children);
    return m;
  }

  function sync(m: Mounted, next: ViewNode): Mounted {
    if (m.node === next) return m;
    if (m.node.type !== next.type) {
      const fresh = build(next);
      m.el.replaceWith(fresh.el);
      return fresh;
    }
    const prev = m.node.props;
    m.node = next;
    update(m, prev, ctx);
    if (m.slot) syncChildren(m, next.children);
    return m;
  }

  /** Reconciles children: keyed nodes are matched by key, others by position and type. */
  function syncChildren(m: Mounted, children: ViewChild[]): void {
    const old = m.kids;
    const keyed = new Map<string, Mounted>();
    for (const k of old) if (isMounted(k) && k.node.key !== undefined) keyed.set(`${k.node.type}:${k.node.key}`, k);
    const used = new Set<Mounted | Text>();
    const next = children.map((c, i): Mounted | Text => {
      const at = old[i];
      if (typeof c === 'string') {
        if (at && !isMounted(at) && !used.has(at)) {
          used.add(at);
          if (at.data !== c) at.data = c;
          return at;
        }
        return doc.createTextNode(c);
      }
      const match =
        c.key !== undefined
          ? keyed.get(`${c.type}:${c.key}`)
          : at && isMounted(at) && at.node.key === undefined && at.node.type === c.type
            ? at
            : undefined;
      if (match && !used.has(match)) {
        used.add(match);
        return sync(match, c);
      }
      return build(c);
    });
    const slot = m.slot!;
    for (const k of old) if (!used.has(k)) domOf(k).remove();
    let ref: ChildNode | null = slot.firstChild;
    for (const k of next) {
      const d = domOf(k);
      if (d === ref) ref = ref.nextSibling;
      else slot.insertBefore(d, ref);
    }
    m.kids = next;
  }

  function render(next: ViewNode): void {
    view = next;
    if (!root) {
      root = build(next);
      container.replaceChildren(root.el);
    } else {
      const r = sync(root, next);
      if (r !== root) container.replaceChildren(r.el);
      root = r;
    }
  }

  // ---- events --------------------------------------------------------------------------------

  function emit(m: Mounted, type: ShellEvent['type'], handler: unknown, value?: Json): void {
    if (typeof handler !== 'string') return;
    const ev: ShellEvent = { handler, type };
    if (m.node.props.data !== undefined) ev.data = m.node.props.data as Json;
    if (value !== undefined) ev.value = value;
    options.onEvent(ev);
  }

  /** The mounted components from `target` up to the root, innermost first. */
  function chain(target: EventTarget | null): Mounted[] {
    const out: Mounted[] = [];
    for (let el = target instanceof Element ? target : null; el && el !== container; el = el.parentElement) {
      const m = byElement.get(el);
      if (m && out[out.length - 1] !== m) out.push(m);
    }
    return out;
  }

  let suppressClick = false;
  function onClick(e: MouseEvent): void {
    if (suppressClick) {
      suppressClick = false;
      e.preventDefault();
      return;
    }
    for (const m of chain(e.target)) {
      const p = m.node.props;
      // Fields take their own taps (a label's click reaches its input as a second click).
      if (FIELDS.has(m.node.type)) return;
      if (m.node.type === 'navigator' && typeof p.url === 'string') {
        e.preventDefault();
        const openType = typeof p.openType === 'string' ? p.openType : 'navigate';
        options.onEvent({ handler: '$nav', type: 'tap', value: { url: p.url, openType } });
        return;
      }
      if (m.node.type === 'button' && p.disabled === true) return;
      if (typeof p.onTap === 'string') {
        emit(m, 'tap', p.onTap);
        return;
      }
      // A submit or reset button without its own handler lets its form do the work.
      if (m.node.type === 'button' && p.formType) return;
    }
  }

  let pressTimer: ReturnType<typeof setTimeout> | null = null;
  let pressAt = { x: 0, y: 0 };
  function cancelPress(): void {
    if (pressTimer) clearTimeout(pressTimer);
    pressTimer = null;
  }
  function onPointerDown(e: PointerEvent): void {
    cancelPress();
    const target = chain(e.target).find((m) => typeof m.node.props.onLongPress === 'string');
    if (!target) return;
    pressAt = { x: e.clientX, y: e.clientY };
    pressTimer = setTimeout(() => {
      pressTimer = null;
      suppressClick = true;
      emit(target, 'longpress', target.node.props.onLongPress);
    }, LONG_PRESS_MS);
  }
  function onPointerMove(e: PointerEvent): void {
    if (pressTimer && Math.hypot(e.clientX - pressAt.x, e.clientY - pressAt.y) > 10) cancelPress();
  }
  function onPointerDownAnywhere(): void {
    suppressClick = false;
  }

  function fieldOf(e: Event): Mounted | undefined {
    return e.target instanceof Element ? byElement.get(e.target) : undefined;
  }

  function onInput(e: Event): void {
    const m = fieldOf(e);
    if (!m || (m.node.type !== 'input' && m.node.type !== 'textarea')) return;
    emit(m, 'input', m.node.props.onInput, fieldValue(m));
  }

  function onChange(e: Event): void {
    const m = fieldOf(e);
    if (!m || !FIELDS.has(m.node.type)) return;
    emit(m, 'change', m.node.props.onChange, fieldValue(m));
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.isComposing) {
      const m = fieldOf(e);
      if (m?.node.type === 'input' && typeof m.node.props.onConfirm === 'string') {
        e.preventDefault();
        emit(m, 'confirm', m.node.props.onConfirm, fieldValue(m));
        return;
      }
    }
    // Keyboard users tap navigators with Enter, as they would a link.
    if (e.key === 'Enter' && e.target instanceof Element && e.target.classList.contains('at-navigator')) {
      (e.target as HTMLElement).click();
    }
  }

  function onSubmit(e: Event): void {
    const m = e.target instanceof Element ? byElement.get(e.target) : undefined;
    if (!m || m.node.type !== 'form') return;
    e.preventDefault();
    emit(m, 'submit', m.node.props.onSubmit, formValues(m));
  }

  function onReset(e: Event): void {
    const m = e.target instanceof Element ? byElement.get(e.target) : undefined;
    if (!m || m.node.type !== 'form') return;
    emit(m, 'reset', m.node.props.onReset);
  }

  const reached = new WeakMap<Element, number>();
  function onScroll(e: Event): void {
    const el = e.target;
    if (!(el instanceof HTMLElement)) return;
    const m = byElement.get(el);
    if (!m || typeof m.node.props.onReachEnd !== 'string') return;
    const horizontal = m.node.props.direction === 'horizontal';
    const left = horizontal ? el.scrollWidth - el.clientWidth - el.scrollLeft : el.scrollHeight - el.clientHeight - el.scrollTop;
    const size = horizontal ? el.scrollWidth : el.scrollHeight;
    // Once per content size: more rows arriving arms it again.
    if (left <= REACH_END_PX && reached.get(el) !== size) {
      reached.set(el, size);
      emit(m, 'reachend', m.node.props.onReachEnd);
    }
  }

  const listeners: [string, EventListener, boolean][] = [
    ['click', onClick as EventListener, false],
    ['pointerdown', onPointerDownAnywhere, true],
    ['pointerdown', onPointerDown as EventListener, false],
    ['pointermove', onPointerMove as EventListener, false],
    ['pointerup', cancelPress, false],
    ['pointercancel', cancelPress, false],
    ['input', onInput, false],
    ['change', onChange, false],
    ['keydown', onKeyDown as EventListener, false],
    ['submit', onSubmit, false],
    ['reset', onReset, false],
    ['scroll', onScroll, true],
  ];
  for (const [type, fn, capture] of listeners) container.addEventListener(type, fn, capture);

  return {
    render,
    patch(patches) {
      if (!view) throw new Error('patch before the first render');
      render(applyPatches(view, patches));
    },
    get view() {
      return view;
    },
    destroy() {
      cancelPress();
      for (const [type, fn, capture] of listeners) container.removeEventListener(type, fn, capture);
      container.replaceChildren();
      root = null;
      view = null;
    },
  };
}

/**
 * What a form submits: `{ [name]: value }` over its named fields. Inputs give text, switches
 * true/false, pickers the chosen index; checkboxes with a `value` sharing a name give the list of
 * those checked, a checkbox without one gives true/false.
 */
function formValues(form: Mounted): Record<string, Json> {
  const out: Record<string, Json> = {};
  const walk = (m: Mounted) => {
    const name = m.node.props.name;
    if (typeof name === 'string' && name && FIELDS.has(m.node.type)) {
      if (m.node.type === 'checkbox' && typeof m.node.props.value === 'string') {
        const list = Array.isArray(out[name]) ? (out[name] as Json[]) : [];
        if (fieldValue(m) === true) list.push(m.node.props.value);
        out[name] = list;
      } else out[name] = fieldValue(m);
    }
    for (const k of m.kids) if (isMounted(k)) walk(k);
  };
  walk(form);
  return out;
}

function isMounted(k: Mounted | Text): k is Mounted {
  return 'node' in k;
}

function domOf(k: Mounted | Text): ChildNode {
  return isMounted(k) ? k.el : k;
}
