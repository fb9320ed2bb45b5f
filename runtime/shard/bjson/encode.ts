import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';

/**
 * The parts of quickjs-emscripten's context this file reaches past the public API for. The public
 * `encodeBinaryJSON` hands back the engine's exception as if it were a value, leaving it pending
 * in the context, and `getArrayBuffer` cannot tell a size before it copies; this does what they
 * do, with both checks. Pinned to quickjs-emscripten 0.32.0 in package.json; the bjson tests fail
 * first if a release moves these.
 */
interface ContextInternals {
  ffi: {
    QTS_bjson_encode(ctx: number, value: number): number;
    QTS_ResolveException(ctx: number, value: number): number;
    QTS_FreeValuePointer(ctx: number, value: number): void;
    QTS_GetArrayBufferLength(ctx: number, value: number): number;
    QTS_GetArrayBuffer(ctx: number, value: number): number;
  };
  ctx: { value: number };
  module: { HEAPU8: Uint8Array; _free(ptr: number): void };
}

/**
 * The engine's binary form of a guest value (`JS_WriteObject`, shared objects as references), or
 * null when it cannot write the value (a getter, a function, a proxy...) or the result is over
 * `maxBytes`. Any exception the engine raised is cleared, so the context is as it was.
 */
export function encode(context: QuickJSContext, value: QuickJSHandle, maxBytes = Infinity): Uint8Array | null {
  const { ffi, ctx, module } = context as unknown as Partial<ContextInternals>;
  // A release that moved these only loses the fast path.
  if (typeof ffi?.QTS_bjson_encode !== 'function' || !ctx || !module?.HEAPU8) return null;
  const out = ffi.QTS_bjson_encode(ctx.value, value.value as unknown as number);
  const error = ffi.QTS_ResolveException(ctx.value, out);
  try {
    if (error) return null;
    const len = ffi.QTS_GetArrayBufferLength(ctx.value, out);
    if (len > maxBytes) return null;
    const ptr = ffi.QTS_GetArrayBuffer(ctx.value, out);
    if (!ptr) return null;
    try {
      return module.HEAPU8.slice(ptr, ptr + len);
    } finally {
      module._free(ptr);
    }
  } finally {
    if (error) ffi.QTS_FreeValuePointer(ctx.value, error);
    ffi.QTS_FreeValuePointer(ctx.value, out);
  }
}
