import type { AtomTable } from './atoms.ts';

/**
 * What `readValue` returns for bytes it does not take: a tag it does not know, a cycle, a name it
 * cannot resolve, too much output. The caller then asks the guest for JSON instead, which gives
 * the exact behaviour JSON always had (a circular view fails to render, a Date becomes a string).
 */
export const UNREADABLE: unique symbol = Symbol('unreadable');

// The tags QuickJS-ng writes for the values a view is made of. Everything else is UNREADABLE.
const NULL = 1;
const UNDEFINED = 2;
const FALSE = 3;
const TRUE = 4;
const INT32 = 5;
const FLOAT64 = 6;
const STRING = 7;
const OBJECT = 8;
const ARRAY = 9;
const REFERENCE = 0x14;

const MAX_DEPTH = 1000;

class Unreadable extends Error {}
const stop = (): never => {
  throw new Unreadable();
};

/**
 * Reads what `JS_WriteObject` made of a guest value (QuickJS's binary object format) into the
 * plain JSON value `JSON.parse(JSON.stringify(value))` would give. The guest's `JSON.stringify`
 * costs about 0.5 µs per property in QuickJS, most of a frame's time, while the engine writes the
 * same tree in a twentieth of that; reading it here, in V8, is cheaper than parsing JSON.
 *
 * The bytes come from a guest's object, so nothing in them is trusted: every length is checked
 * against what is left, depth is bounded, and `budget` bounds the size of the result, counted
 * as values plus string characters (shared objects count each time they are used, as they would
 * in JSON).
 */
export function readValue(bytes: Uint8Array, atoms: AtomTable, budget: number): unknown {
  try {
    return new Reader(bytes, atoms, budget).root();
  } catch (e) {
    if (e instanceof Unreadable || e instanceof RangeError) return UNREADABLE;
    throw e;
  }
}

class Reader {
  private pos = 0;
  private readonly buf: Buffer;
  private readonly view: DataView;
  private names: (string | null)[] = [];
  /** Where each object starts, in the order the writer numbered them. */
  private readonly objects: number[] = [];
  private readonly indexAt = new Map<number, number>();
  private readonly open = new Set<number>();

  constructor(
    bytes: Uint8Array,
    private readonly atoms: AtomTable,
    private budget: number,
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  root(): unknown {
    if (this.u8() !== this.atoms.version) stop();
    const count = this.leb();
    if (count > this.left()) stop();
    for (let i = 0; i < count; i++) this.names.push(this.atomEntry());
    const v = this.value(0, false);
    if (this.pos !== this.buf.length) stop();
    return v === undefined ? UNREADABLE : v;
  }

  private left(): number {
    return this.buf.length - this.pos;
  }

  private u8(): number {
    if (this.pos >= this.buf.length) stop();
    return this.buf[this.pos++]!;
  }

  private leb(): number {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.u8();
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v > 0xffffffff ? stop() : v;
    }
    return stop();
  }

  private spend(n: number): void {
    this.budget -= n;
    if (this.budget < 0) stop();
  }

  /** A property name: a string, or null for a symbol (JSON leaves those out). */
  private atomEntry(): string | null {
    const kind = this.u8();
    if (kind === 0) {
      if (this.left() < 4) stop();
      const id = this.view.getUint32(this.pos, true);
      this.pos += 4;
      const name = this.atoms.builtin.get(id);
      return name === undefined ? stop() : name;
    }
    if (kind === 1) return this.string();
    // 2 and 3 are registered and local symbols; their description follows.
    if (kind === 2 || kind === 3) {
      this.string();
      return null;
    }
    return stop();
  }

  private atomRef(): string | null {
    const v = this.leb();
    // An odd reference is an integer key stored in the reference itself.
    if (v & 1) return String((v - 1) / 2);
    const i = v / 2;
    if (i < 1 || i > this.names.length) stop();
    return this.names[i - 1]!;
  }

  private string(): string {
    const head = this.leb();
    const len = Math.floor(head / 2);
    const wide = head & 1;
    const bytes = wide ? len * 2 : len;
    if (bytes > this.left()) stop();
    this.spend(len + 2);
    const start = this.pos;
    this.pos += bytes;
    return wide ? this.buf.toString('utf16le', start, this.pos) : this.buf.toString('latin1', start, this.pos);
  }

  private value(depth: number, replay: boolean): unknown {
    this.spend(1);
    const at = this.pos;
    switch (this.u8()) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT32: {
        const z = this.leb();
        return z % 2 ? -(z + 1) / 2 : z / 2;
      }
      case FLOAT64: {
        if (this.left() < 8) stop();
        const f = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        // As JSON has them: no NaN or infinities, and no negative zero.
        return Number.isFinite(f) ? f + 0 : null;
      }
      case STRING:
        return this.string();
      case OBJECT:
        return this.object(at, depth, replay);
      case ARRAY:
        return this.array(at, depth, replay);
      case REFERENCE:
        return this.reference(depth);
      default:
        return stop();
    }
  }

  /** Objects are numbered as the writer met them; a replayed copy keeps its first number. */
  private enter(at: number, depth: number, replay: boolean): number {
    if (depth >= MAX_DEPTH) stop();
    let index = this.indexAt.get(at);
    if (index === undefined) {
      if (replay) stop();
      index = this.objects.length;
      this.objects.push(at);
      this.indexAt.set(at, index);
    }
    this.open.add(index);
    return index;
  }

  private object(at: number, depth: number, replay: boolean): Record<string, unknown> {
    const index = this.enter(at, depth, replay);
    const count = this.leb();
    if (count > this.left()) stop();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = this.atomRef();
      const v = this.value(depth + 1, replay);
      if (key === null || v === undefined) continue;
      // Assigning "__proto__" would set the prototype; JSON.parse makes it an own property.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    this.open.delete(index);
    return out;
  }

  private array(at: number, depth: number, replay: boolean): unknown[] {
    const index = this.enter(at, depth, replay);
    const len = this.leb();
    if (len > this.left()) stop();
    const out: unknown[] = new Array(len);
    for (let i = 0; i < len; i++) {
      const v = this.value(depth + 1, replay);
      out[i] = v === undefined ? null : v;
    }
    this.open.delete(index);
    return out;
  }

  /**
   * A second use of an object already written: read it again from where it starts, so the result
   * is a tree like JSON's. A reference to an object still open is a cycle, which JSON refuses.
   */
  private reference(depth: number): unknown {
    const index = this.leb();
    const at = this.objects[index];
    if (at === undefined || this.open.has(index)) return stop();
    const resume = this.pos;
    this.pos = at;
    const v = this.value(depth, true);
    this.pos = resume;
    return v;
  }
}
