/**
 * What the user is told when a mini-program cannot go on, from what the host said: it stopped
 * (with the host's reason in plain words), the platform suspended it (with the platform's reason),
 * or nobody is signed in any more. Pure (no DOM), tested in Node.
 */
import type { ErrorBody } from '../../../../sdk/contract/errors.ts';
import { ApiError } from '../../common/http.ts';
import { suspendedReason } from '../suspended.ts';

export type Ending =
  /** The notice with `message` (and another `title`), and the way to reopen. */
  | { then: 'stopped'; message: string; title?: string }
  /** The suspension notice, with only the way out: reopening would be refused again. */
  | { then: 'suspended'; reason: string; appName?: string }
  | { then: 'signed-out' };

/** What a user is told when a program stops, by the host's reason. */
const STOP_REASONS: Partial<Record<ErrorBody['code'], string>> = {
  cpu_exceeded: 'It took too long to respond.',
  memory_exceeded: 'It used more memory than it is allowed.',
  stack_exceeded: 'It ran into an error it could not recover from.',
  limit_exceeded: 'It went past one of the limits every mini-program runs under.',
  invalid_view: 'It tried to show something the host does not allow.',
  program_error: 'It ran into an error.',
  shard_crashed: 'The host restarted the sandbox it was running in.',
};

const CLOSED = 'The session closed. Reopen the mini-program to carry on.';

/** Opening the program failed: the host refused it, or could not be reached. */
export function openFailed(e: unknown): Ending {
  if (!(e instanceof ApiError)) return { then: 'stopped', title: "Couldn't open this mini-program", message: e instanceof Error ? e.message : 'Something went wrong.' };
  if (e.status === 401) return { then: 'signed-out' };
  const reason = suspendedReason(e);
  if (reason !== null) {
    // It never opened, so only the host's details can name it.
    const name = (e.details as { name?: unknown } | undefined)?.name;
    return { then: 'suspended', reason, ...(typeof name === 'string' ? { appName: name } : {}) };
  }
  if (e.status === 404) return { then: 'stopped', title: "Can't open this mini-program", message: 'This mini-program is not available. It may have been taken down.' };
  return { then: 'stopped', title: "Couldn't open this mini-program", message: e.message };
}

/** A call of the running session failed: how the run ends, or null when it goes on (a toast says so). */
export function callFailed(e: ApiError): Ending | null {
  const reason = suspendedReason(e);
  if (reason !== null) return { then: 'suspended', reason };
  if (e.status === 401) return { then: 'signed-out' };
  if (e.status === 404 && e.code === 'not_found') return { then: 'stopped', message: CLOSED };
  if (e.status === 410 && e.code === 'session_ended') {
    const code = (e.details as { reason?: ErrorBody['code'] } | undefined)?.reason;
    return { then: 'stopped', message: (code && STOP_REASONS[code]) ?? CLOSED };
  }
  return null;
}

/** The session's stream was refused with `status` (and `body`): how the run ends, or null to try again. */
export function streamRefused(status: number, body: unknown): Ending | null {
  const reason = suspendedReason((body as { error?: ErrorBody } | null)?.error);
  if (reason !== null) return { then: 'suspended', reason };
  if (status === 401) return { then: 'signed-out' };
  if (status === 404) return { then: 'stopped', message: CLOSED };
  return null;
}

/** The host ended the session (`ended` on the stream) for `reason`. */
export function endedBy(reason: ErrorBody): Ending {
  const suspended = suspendedReason(reason);
  if (suspended !== null) return { then: 'suspended', reason: suspended };
  // The host's own words when there is no plainer way to say it (the merchant's log has the detail).
  return { then: 'stopped', message: STOP_REASONS[reason.code] ?? reason.message };
}
