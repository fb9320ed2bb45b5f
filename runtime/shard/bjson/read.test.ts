import { newQuickJSWASMModuleFromVariant, type QuickJSContext, type QuickJSSyncVariant } from 'quickjs-emscripten-core';
import ngImport from '@jitl/quickjs-ng-wasmfile-release-sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { encode, probeAtoms, readValue, UNREADABLE, type AtomTable } from './index.ts';

const ng = ngImport as unknown as QuickJSSyncVariant;
let ctx: QuickJSContext;
let atoms: AtomTable;

beforeAll(async () => {
  const qjs = await newQuickJSWASMModuleFromVariant(ng);
  atoms = probeAtoms(qjs);
  ctx = qjs.newContext();
});

/** The engine's bytes for the value of `expr`. */
function bytesOf(expr: string): Uint8Array | null {
  const h = ctx.unwrapResult(ctx.evalCode(`(${expr})`));
  try {
    return encode(ctx, h);
  } finally {
    h.dispose();
  }
}

/** What the guest's own JSON makes of the same value. */
function jsonOf(expr: string): unknown {
  const h = ctx.unwrapResult(ctx.evalCode(`JSON.stringify(${expr})`));
  try {
    return JSON.parse(ctx.getString(h));
  } finally {
    h.dispose();
  }
}

const read = (expr: string, budget = 1e6) => readValue(bytesOf(expr)!, atoms, budget);

describe('reading values out of the engine', () => {
  it.each([
    ['null', 'null'],
    ['numbers, with NaN, infinities and negative zero as JSON has them', '[0, -3, 2 ** 31, -(2 ** 31), 1.5, 1e300, NaN, Infinity, -Infinity, -0]'],
    ['latin-1, wide and lone-surrogate strings', '["", "abc", "é", "中文", "a\\ud800b", "x".repeat(300)]'],
    ['undefined and holes as JSON leaves them', '({ a: undefined, list: [undefined, , 3] })'],
    ['names the engine has built in', '({ length: 1, value: 2, default: 3, constructor: 4, then: 5, toJSON: 6, "<ret>": 7, "": 8 })'],
    ['integer and integer-like keys', '({ 2: "b", 1: "a", "01": "c", "4294967295": "d", z: 0 })'],
    ['symbol keys left out', '({ [Symbol.iterator]: 1, [Symbol("s")]: 2, [Symbol.for("r")]: 3, x: 4 })'],
    ['null-prototype objects and class instances', '[Object.create(null, { x: { value: 1, enumerable: true } }), new (class { constructor() { this.y = 2; } })()]'],
    ['non-enumerable properties left out', 'Object.defineProperty({ a: 1 }, "hidden", { value: 2, enumerable: false })'],
    ['a view-shaped tree', '{ type: "view", props: { style: { color: "#333", padding: 12 } }, children: ["hi", { type: "text", key: 3, props: {}, children: [] }] }'],
  ])('reads %s as JSON would', (_, expr) => {
    expect(read(expr)).toEqual(jsonOf(expr));
  });

  it('reads an object used twice as two equal copies, never one shared object', () => {
    const v = read('(() => { const o = { k: [1] }; return { a: o, b: [o, o] }; })()') as { a: object; b: object[] };
    expect(v).toEqual({ a: { k: [1] }, b: [{ k: [1] }, { k: [1] }] });
    expect(v.b[0]).not.toBe(v.a);
    expect(v.b[0]).not.toBe(v.b[1]);
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const v = read('JSON.parse(\'{"__proto__": {"polluted": 1}}\')') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a cycle', '(() => { const a = []; a.push({ a }); return a; })()'],
    ['a Date', 'new Date(0)'],
    ['a BigInt', '1n'],
    ['a Map', 'new Map([[1, 2]])'],
    ['a typed array', 'new Uint8Array(2)'],
    ['a boxed string', 'new String("s")'],
    ['undefined alone', 'undefined'],
  ])('gives up on %s, for the caller to ask JSON', (_, expr) => {
    expect(read(expr)).toBe(UNREADABLE);
  });

  it('gives up once the result would pass its budget, counting shared objects each time used', () => {
    const expr = '(() => { let o = { s: "x".repeat(100) }; for (let i = 0; i < 12; i++) o = [o, o]; return o; })()';
    expect(bytesOf(expr)!.length).toBeLessThan(400);
    expect(read(expr, 100_000)).toBe(UNREADABLE);
    expect(read(expr, 2_000_000)).not.toBe(UNREADABLE);
  });

  it('gives up on bytes of another format version, cut short or with bytes left over', () => {
    const good = bytesOf('{ a: [1, "two"] }')!;
    const other = good.slice();
    other[0] = atoms.version + 1;
    expect(readValue(other, atoms, 1e6)).toBe(UNREADABLE);
    for (let n = 0; n < good.length; n++) expect(readValue(good.subarray(0, n), atoms, 1e6)).toBe(UNREADABLE);
    expect(readValue(Uint8Array.from([...good, 1]), atoms, 1e6)).toBe(UNREADABLE);
  });

  it('never throws on damaged bytes, whatever they hold', () => {
    const good = bytesOf('{ type: "view", props: { style: { color: "#333" }, data: [1, 2.5, "é", null, true] }, children: ["中"] }')!;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 3000; round++) {
      const bad = good.slice();
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) bad[Math.floor(random() * bad.length)] = Math.floor(random() * 256);
      expect(() => readValue(bad, atoms, 10_000)).not.toThrow();
    }
  });
});

describe('writing values in the engine', () => {
  it('gives null for a value it cannot write, and leaves the context working', () => {
    for (const expr of ['({ get x() { return 1; } })', 'new Proxy({}, {})', 'new Error("e")', '({ f() {} })']) expect(bytesOf(expr)).toBeNull();
    expect(ctx.dump(ctx.unwrapResult(ctx.evalCode('1 + 1')))).toBe(2);
  });

  it('gives null past its size bound without copying the bytes out', () => {
    const h = ctx.unwrapResult(ctx.evalCode('"x".repeat(10000)'));
    expect(encode(ctx, h, 1000)).toBeNull();
    expect(encode(ctx, h, 20000)?.length).toBeGreaterThan(10000);
    h.dispose();
  });
});

describe('the probe of the engine', () => {
  it('learns the built-in names a program is likely to use as keys', () => {
    const names = new Set(atoms.builtin.values());
    for (const n of ['length', 'value', 'name', 'default', 'then', 'constructor', 'toString', 'message', 'index', 'source']) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('names every built-in string atom the engine has, so none makes a frame fall back', () => {
    const ids = [...atoms.builtin.keys()];
    const unnamed = [];
    for (let id = 1; id <= Math.max(...ids); id++) if (!atoms.builtin.has(id)) unnamed.push(id);
    // The engine's private brand symbol and one well-known symbol it does not expose: never keys.
    expect(unnamed.length).toBeLessThanOrEqual(2);
  });
});
