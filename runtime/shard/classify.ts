import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import type { ErrorBody, ErrorCode } from '../../sdk/contract/index.ts';

/**
 * Names an exception that escaped the guest. Reading it may run guest getters, so callers keep the
 * deadline armed; if reading fails the memory is most likely exhausted. QuickJS throws `null` when
 * it cannot even allocate the error object, so `null` from a module out of memory means just that.
 */
export function classifyGuestError(ctx: QuickJSContext, err: QuickJSHandle, fallback: ErrorCode, memoryExhausted = false): ErrorBody {
  let name = 'Error';
  let message = '';
  try {
    const d = ctx.dump(err) as unknown;
    // null, or an object that could not be read (dump gives back a string then).
    const unreadable = d === null || (typeof d !== 'object' && ctx.typeof(err) === 'object');
    if (unreadable && memoryExhausted) return { code: 'memory_exceeded', message: 'InternalError: out of memory' };
    if (d && typeof d === 'object') {
      name = String((d as { name?: unknown }).name ?? 'Error').slice(0, 100);
      message = String((d as { message?: unknown }).message ?? '').slice(0, 1000);
    } else {
      message = String(d).slice(0, 1000);
    }
  } catch {
    return { code: 'memory_exceeded', message: 'the program ran out of memory' };
  }
  return { code: codeFor(name, message, fallback), message: `${name}: ${message}` };
}

export function codeFor(name: string, message: string, fallback: ErrorCode): ErrorCode {
  if (message === 'interrupted') return 'cpu_exceeded';
  if (/out of memory/i.test(message)) return 'memory_exceeded';
  if (/stack overflow|call stack size/i.test(message)) return 'stack_exceeded';
  if (name === 'AtriumError') return fallback;
  return fallback;
}
