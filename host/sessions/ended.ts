import { AtriumError, type ErrorBody, type ErrorCode } from '../../sdk/contract/index.ts';
import { errorBody } from '../../runtime/index.ts';

/** Codes with which the sandbox stops a program: each means "this session is over", not a fault of ours. */
const stoppedBy = new Set<ErrorCode>([
  'session_ended',
  'cpu_exceeded',
  'memory_exceeded',
  'stack_exceeded',
  'limit_exceeded',
  'too_large',
  'invalid_view',
  'program_error',
  'shard_crashed',
]);

/**
 * How an ended session answers, now and on every later request: 410 `session_ended` with the
 * runtime's reason in `details.reason` (the shell words it for the user; the merchant's log has
 * the detail). A suspension keeps its own code, which the shell shows with the platform's reason.
 */
export function endedError(reason: ErrorBody): AtriumError {
  if (reason.code === 'app_suspended' || reason.code === 'session_ended') return new AtriumError(reason.code, reason.message, reason.details);
  return new AtriumError('session_ended', reason.message, { reason: reason.code });
}

/**
 * What the runtime threw, as the host answers it: a program the sandbox stopped is an ended
 * session; anything else keeps its code (an unknown one is a fault and answers 500).
 */
export function runtimeError(e: unknown): Error {
  if (e instanceof AtriumError) return e;
  const body = errorBody(e);
  if (stoppedBy.has(body.code)) return endedError(body);
  return body.code === 'internal' && e instanceof Error ? e : new AtriumError(body.code, body.message, body.details);
}
