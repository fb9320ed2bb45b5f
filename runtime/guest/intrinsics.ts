/**
 * Intrinsics captured before merchant code runs. The framework calls only these, so replacing
 * `JSON`, `Array.prototype.pop` or `Promise.prototype.then` later changes nothing it does.
 */
const apply = Reflect.apply;
const arrayPop = Array.prototype.pop;
const arrayJoin = Array.prototype.join;
const arrayIncludes = Array.prototype.includes;
const stringSlice = String.prototype.slice;
const stringIndexOf = String.prototype.indexOf;
const stringSplit = String.prototype.split;
const promiseThen = Promise.prototype.then;
const hasOwnProperty = Object.prototype.hasOwnProperty;
const arrayFrom = Array.from;
const ArrayConstructor = Array;
export const intrinsics = {
  apply,
  stringify: JSON.stringify,
  parse: JSON.parse,
  create: Object.create,
  keys: Object.keys,
  values: Object.values,
  assign: Object.assign,
  setPrototypeOf: Object.setPrototypeOf,
  freeze: Object.freeze,
  defineProperty: Object.defineProperty,
  isArray: Array.isArray,
  Promise,
  Error,
  RangeError,
  /** QuickJS's own error class: "out of memory" is one. */
  InternalError: (globalThis as unknown as { InternalError: ErrorConstructor }).InternalError,
  string: String,
  decode: decodeURIComponent,
  pop: <T>(a: T[]): T | undefined => apply(arrayPop, a, []),
  join: (a: unknown[], sep: string): string => apply(arrayJoin, a, [sep]),
  includes: (a: unknown[], x: unknown): boolean => apply(arrayIncludes, a, [x]),
  slice: (s: string, from: number, to?: number): string => apply(stringSlice, s, [from, to]),
  indexOf: (s: string, x: string): number => apply(stringIndexOf, s, [x]),
  split: (s: string, sep: string): string[] => apply(stringSplit, s, [sep]),
  then: (p: Promise<unknown>, ok: ((v: unknown) => unknown) | undefined, fail: (e: unknown) => unknown): unknown =>
    apply(promiseThen, p, [ok, fail]),
  hasOwn: (o: object, k: string): boolean => apply(hasOwnProperty, o, [k]),
  /** A new array of an array-like's items, each defined, never assigned: no setter sees it. */
  arrayFrom: (items: ArrayLike<unknown>): unknown[] => apply(arrayFrom, ArrayConstructor, [items]),
};
