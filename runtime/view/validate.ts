import {
  AtriumError,
  components,
  handlerNamePattern,
  styleProperties,
  styleValuePattern,
  type ComponentName,
  type PropKind,
  type ViewChild,
  type ViewNode,
} from '../../sdk/contract/index.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const STYLE = new Set<string>(styleProperties);
const MAX_DEPTH = 128;
const MAX_STRING = 20_000;
const MAX_JSON_DEPTH = 16;

export interface ViewBounds {
  viewNodes: number;
}

function fail(where: string, message: string): never {
  throw new AtriumError('invalid_view', `${where}: ${message}`);
}

/**
 * Checks a rendered tree against the component set and rebuilds it from fresh objects, so nothing
 * the guest made (odd prototypes, extra keys) reaches the host or the shell.
 */
export function validateView(raw: unknown, bounds: ViewBounds): ViewNode {
  let count = 0;

  function json(v: unknown, where: string, depth: number): unknown {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail(where, 'numbers must be finite');
    if (depth > MAX_JSON_DEPTH) fail(where, 'data nested too deeply');
    if (Array.isArray(v)) return v.map((x, i) => json(x, `${where}[${i}]`, depth + 1));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (FORBIDDEN_KEYS.has(k)) fail(where, `key "${k}" is not allowed`);
        out[k] = json(x, `${where}.${k}`, depth + 1);
      }
      return out;
    }
    return fail(where, `unsupported value of type ${typeof v}`);
  }

  function prop(kind: PropKind, v: unknown, where: string): unknown {
    if (Array.isArray(kind)) {
      if (typeof v === 'string' && kind.includes(v)) return v;
      return fail(where, `must be one of ${kind.join(', ')}`);
    }
    switch (kind) {
      case 'string':
        if (typeof v === 'string' && v.length <= MAX_STRING) return v;
        if (typeof v === 'number' && Number.isFinite(v)) return String(v);
        return fail(where, 'must be a string');
      case 'src':
        if (typeof v === 'string' && v.length <= 2048 && /^(https:\/\/|\/?[\w./-]+$)/.test(v) && !v.includes('..')) return v;
        return fail(where, 'must be an https URL or a path to one of the program\'s assets');
      case 'number':
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        return fail(where, 'must be a finite number');
      case 'boolean':
        if (typeof v === 'boolean') return v;
        return fail(where, 'must be true or false');
      case 'handler':
        if (typeof v === 'string' && handlerNamePattern.test(v)) return v;
        return fail(where, 'must be a handler name or a function');
      case 'strings':
        if (Array.isArray(v) && v.length <= 1000 && v.every((s) => typeof s === 'string' && s.length <= 200)) return [...v];
        return fail(where, 'must be a list of at most 1000 short strings');
      case 'style': {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(where, 'must be an object of style properties');
        const out: Record<string, string | number> = {};
        for (const [k, x] of Object.entries(v)) {
          if (!STYLE.has(k)) fail(`${where}.${k}`, 'is not a supported style property');
          if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
          else if (typeof x === 'string' && styleValuePattern.test(x)) out[k] = x;
          else fail(`${where}.${k}`, 'must be a number or a short plain value (no url)');
        }
        return out;
      }
      case 'json':
        return json(v, where, 0);
    }
  }

  function node(v: unknown, where: string, depth: number): ViewChild {
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) fail(where, `text longer than ${MAX_STRING} characters`);
      return v;
    }
    if (++count > bounds.viewNodes) fail(where, `more than ${bounds.viewNodes} nodes`);
    if (depth > MAX_DEPTH) fail(where, `nested deeper than ${MAX_DEPTH}`);
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail(where, 'not a node');
    const n = v as Record<string, unknown>;
    const type = n.type;
    if (typeof type !== 'string' || !Object.hasOwn(components, type)) fail(where, `unknown component "${String(type)}"`);
    const spec = components[type as ComponentName];
    const here = `${where}<${type}>`;
    const props: Record<string, unknown> = {};
    const rawProps = n.props ?? {};
    if (typeof rawProps !== 'object' || Array.isArray(rawProps)) fail(here, 'props must be an object');
    for (const [k, x] of Object.entries(rawProps as object)) {
      if (x === undefined || x === null) continue;
      if (!Object.hasOwn(spec.props, k)) fail(here, `unknown prop "${k}"`);
      props[k] = prop((spec.props as Record<string, PropKind>)[k]!, x, `${here}.${k}`);
    }
    const rawChildren = n.children ?? [];
    if (!Array.isArray(rawChildren)) fail(here, 'children must be a list');
    if (!spec.children && rawChildren.length > 0) fail(here, 'takes no children');
    const children = rawChildren.map((c, i) => node(c, `${here}[${i}]`, depth + 1));
    if (type === 'list') {
      const keys = new Set<string | number>();
      for (const c of children) {
        if (typeof c === 'string' || c.key === undefined) fail(here, 'every child of a list needs a key');
        if (keys.has(c.key)) fail(here, `duplicate key ${JSON.stringify(c.key)}`);
        keys.add(c.key);
      }
    }
    const out: ViewNode = { type: type as ComponentName, props, children };
    if (n.key !== undefined) {
      if ((typeof n.key !== 'string' || n.key.length > 200) && (typeof n.key !== 'number' || !Number.isFinite(n.key))) {
        fail(here, 'key must be a short string or a number');
      }
      out.key = n.key as string | number;
    }
    return out;
  }

  const root = node(raw, 'view', 0);
  if (typeof root === 'string') fail('view', 'the root must be a component');
  return root;
}
