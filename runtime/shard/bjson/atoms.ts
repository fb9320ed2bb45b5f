import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { encode } from './encode.ts';

/**
 * What a reader needs to know of the engine that wrote the bytes: its format version, and the
 * names of its built-in atoms. QuickJS writes a property name the engine has built in ("length",
 * "value", "default"...) as a number instead of its text, so the numbers are learnt from this
 * very build, once per shard, by writing an object whose keys are every name the engine shows.
 */
export interface AtomTable {
  version: number;
  /** Built-in atom number → its name, or null for a symbol. */
  builtin: Map<number, string | null>;
}

/**
 * Reserved words and the few names the engine keeps for itself that no object in a fresh context
 * has as a key; everything else is found by walking what the global object reaches.
 */
const UNREACHABLE_NAMES = [
  'null', 'false', 'true', 'if', 'else', 'return', 'var', 'this', 'delete', 'void', 'typeof', 'new', 'in', 'instanceof',
  'do', 'while', 'for', 'break', 'continue', 'switch', 'case', 'default', 'throw', 'try', 'catch', 'finally', 'function',
  'debugger', 'with', 'class', 'const', 'enum', 'export', 'extends', 'import', 'super', 'implements', 'interface', 'let',
  'package', 'private', 'protected', 'public', 'static', 'yield', 'await', '', 'of', 'as', 'from', 'meta', 'target',
  'async', 'arguments', 'callee', 'caller', 'integer', 'unknown', 'number', 'boolean', 'string', 'object', 'symbol',
  'bigint', 'undefined', 'configurable', 'writable', 'enumerable', 'value', 'get', 'set', 'done', 'next', 'groups',
  'indices', 'index', 'input', 'errors', 'cause', 'stack', 'fileName', 'lineNumber', 'columnNumber', 'status',
  'reason', 'promise', 'proxy', 'revoke', 'not-equal', 'timed-out', 'ok', 'new.target', 'this.active_func', 'raw',
  'Module', 'Arguments', 'Generator', 'AsyncGenerator', 'ForInIterator', 'Map Iterator', 'Set Iterator',
  'Array Iterator', 'String Iterator', 'RegExp String Iterator', 'Iterator Helper', 'Iterator Wrap', 'Iterator Concat',
  'PromiseResolveFunction', 'PromiseRejectFunction', 'AsyncFunctionResolve', 'AsyncFunctionReject',
  'AsyncFromSyncIterator', 'AsyncGeneratorFunction', 'GeneratorFunction', 'AsyncFunction', 'minus_zero', '-0',
  'Infinity', '-Infinity', 'NaN', 'global', 'unicode', 'source', 'flags', 'lastIndex', 'exec', 'has', 'add',
  'resolve', 'reject', 'then', 'toJSON', 'globalThis', 'length', 'message', 'name', 'prototype', 'constructor',
  '<eval>', '<ret>', '<var>', '<arg_var>', '<with>', '<home_object>', '<computed_field>', '<static_computed_field>',
  '<class_fields_init>', '<brand>', '#constructor', '*default*', '*', 'unicodeSets', 'hasIndices', 'dotAll',
  'sticky', 'ignoreCase', 'multiline', 'kind', 'key', 'size', 'sort', 'callback', 'RegExp', 'WeakRef',
  'FinalizationRegistry', 'Iterator', 'CallSite', 'Performance', 'DOMException', 'code', 'Float16Array',
];

/** Collects candidate names in the guest, keeps them on the global, and builds the object. */
const PROBE = `(() => {
  const names = [];
  const seen = new Set();
  const isIndex = (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && +k <= 2147483647;
  const add = (k) => { if (!isIndex(k) && !seen.has(k)) { seen.add(k); names.push(k); } };
  const visited = new Set();
  const walk = (x) => {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function') || visited.has(x)) return;
    visited.add(x);
    for (const k of Reflect.ownKeys(x)) {
      add(k);
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d) { walk(d.value); walk(d.get); walk(d.set); }
    }
    walk(Object.getPrototypeOf(x));
  };
  walk(globalThis);
  for (const k of NAMES) add(k);
  const o = {};
  for (const k of names) Object.defineProperty(o, k, { value: 0, enumerable: true });
  globalThis.__probeNames = JSON.stringify(names.map((k) => (typeof k === 'string' ? k : null)));
  return o;
})()`;

/** Learns the format version and the built-in atom numbers of the engine in `qjs`. */
export function probeAtoms(qjs: QuickJSWASMModule): AtomTable {
  const rt = qjs.newRuntime();
  const ctx = rt.newContext();
  try {
    const o = ctx.unwrapResult(ctx.evalCode(PROBE.replace('NAMES', JSON.stringify(UNREACHABLE_NAMES))));
    const names = JSON.parse(ctx.getString(ctx.getProp(ctx.global, '__probeNames'))) as (string | null)[];
    const bytes = encode(ctx, o);
    o.dispose();
    if (!bytes) throw new Error('the engine could not write the probe object');
    return tableOf(bytes, names);
  } finally {
    ctx.dispose();
    rt.dispose();
  }
}

/** The probe object's atoms come in the order its keys were added, one per key. */
function tableOf(bytes: Uint8Array, names: (string | null)[]): AtomTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const leb = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
  };
  const version = bytes[pos++]!;
  const count = leb();
  if (count !== names.length) throw new Error(`the probe wrote ${count} names for ${names.length} keys`);
  const builtin = new Map<number, string | null>();
  for (let i = 0; i < count; i++) {
    const kind = bytes[pos++]!;
    if (kind === 0) {
      builtin.set(view.getUint32(pos, true), names[i]!);
      pos += 4;
    } else {
      const head = leb();
      pos += (head & 1 ? 2 : 1) * Math.floor(head / 2);
    }
  }
  return { version, builtin };
}
