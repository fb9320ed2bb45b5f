/**
 * The one error vocabulary. Every boundary (bridge, HTTP, CLI, manifest) answers with one of these
 * stable codes plus a human message; the host maps a code to an HTTP status in one place and the
 * runtime turns it into a guest promise rejection carrying `code`.
 */
import type { Json } from './view.ts';

export const errorCodes = {
  invalid_args: 'The arguments do not match what the method accepts.',
  invalid_request: 'The request is malformed.',
  unknown_method: 'No such host API method.',
  permission_denied: "The program's manifest does not declare the scope this method needs.",
  consent_required: 'The user has not granted this personal-data scope.',
  consent_denied: 'The user declined to share this.',
  reply_window_closed: "The merchant can answer only within 48 hours of the customer's last message, 5 times.",
  gesture_required: "This can only be asked for in the handler of the user's tap, before any await.",
  quota_exceeded: 'A storage or rate quota was exceeded.',
  rate_limited: 'Too many attempts; wait a while and try again.',
  too_large: 'A value crossing the boundary is over its size limit.',
  limit_exceeded: 'A sandbox bound (host calls, timers, view size) was exceeded.',
  not_found: 'The thing asked for does not exist.',
  conflict: 'The request conflicts with the current state.',
  expired: 'The code or link has expired.',
  unauthorized: 'Not signed in, or the token is invalid.',
  forbidden: 'Signed in, but not allowed to do this.',
  domain_not_allowed: "The URL's domain is not in the manifest's network allowlist.",
  network_error: 'The request could not reach the server.',
  timeout: 'The operation took too long.',
  payment_cancelled: 'The user cancelled the payment.',
  insufficient_funds: 'The wallet balance is too low.',
  wrong_pin: 'The payment PIN is wrong.',
  payment_declined: 'The card provider declined the payment.',
  no_grant: 'The user has no unused subscription for this template: they must accept it (again) first.',
  not_implemented: 'The host does not offer this yet.',
  not_stubbed: 'The test harness has no stub for this method.',
  session_ended: 'The session has ended.',
  cpu_exceeded: 'The program ran past its CPU budget.',
  memory_exceeded: 'The program ran out of memory.',
  stack_exceeded: 'The program recursed too deeply.',
  program_error: 'The program threw an error.',
  invalid_view: 'The program rendered a view outside the component set.',
  invalid_manifest: 'The manifest is invalid.',
  build_failed: 'The program did not build.',
  checks_failed: 'The submitted version did not pass the automated checks.',
  app_suspended: 'This mini-program has been suspended by the platform.',
  shard_crashed: 'The sandbox shard running the program was restarted.',
  busy: 'The system is busy; try again in a moment.',
  internal: 'Something went wrong on our side.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The shape of every error that crosses a boundary. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Structured facts behind the message (e.g. check findings), for tools and consoles. */
  details?: Json;
}

/** A result crossing a boundary: data, or an error with a stable code. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}

/** An error with a stable code, thrown on the host side and mapped at each boundary. */
export class AtriumError extends Error {
  override readonly name = 'AtriumError';
  constructor(
    readonly code: ErrorCode,
    message: string = errorCodes[code],
    readonly details?: Json,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}
