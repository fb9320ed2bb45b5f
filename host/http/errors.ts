import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AtriumError, errorCodes, type ErrorBody, type ErrorCode } from '../../sdk/contract/errors.ts';

/**
 * The one place a stable error code becomes an HTTP status. A code not listed is a fault on our
 * side: it answers 500 with a generic message so nothing internal leaks.
 */
const statusByCode: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_args: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  permission_denied: 403,
  gesture_required: 403,
  reply_window_closed: 403,
  not_found: 404,
  conflict: 409,
  checks_failed: 422,
  app_suspended: 403,
  wrong_pin: 403,
  payment_declined: 402,
  insufficient_funds: 409,
  // The state is what refuses: the user has not (or no longer) accepted this template; it may change.
  no_grant: 409,
  payment_cancelled: 409,
  expired: 410,
  // Only Node's own request timeout reaches a client as this (client-errors.ts).
  timeout: 408,
  // The session stopped (a broken bound, a suspension): gone, not a fault of ours.
  session_ended: 410,
  too_large: 413,
  quota_exceeded: 429,
  rate_limited: 429,
  // Every attempt lost a race in the database: nothing happened, and the same request may succeed.
  busy: 503,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return statusByCode[code] ?? 500;
}

/** Hono's own exceptions (malformed JSON, unsupported media type) speak the same vocabulary. */
const codeByHttpStatus: Record<number, ErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  415: 'invalid_request',
};

const httpExceptionMessages: Record<number, string> = {
  415: 'The body must be JSON (Content-Type: application/json).',
};

/** Every error leaves as `{ "error": { "code", "message" } }`. */
export function errorResponse(c: Context, body: ErrorBody, headers?: Record<string, string>): Response {
  return c.json({ error: body }, statusFor(body.code), headers);
}

/** Normalises anything thrown into an ErrorBody that is safe to show, or null for a fault. */
export function publicError(err: unknown): ErrorBody | null {
  if (err instanceof AtriumError) return statusFor(err.code) === 500 ? null : err.toBody();
  if (err instanceof HTTPException) {
    const code = codeByHttpStatus[err.status];
    if (!code) return null;
    const message = err.status === 400 && /json/i.test(err.message) ? 'The body is not valid JSON.' : httpExceptionMessages[err.status] ?? errorCodes[code];
    return { code, message };
  }
  return null;
}

/** `rate_limited` that knows how long to wait; the answer carries it as `Retry-After`. */
export class RateLimitedError extends AtriumError {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super('rate_limited', message);
  }
}

/** The app's onError: known errors answer with their code; anything else is logged and hidden. */
export function errorHandler(log: (line: string) => void) {
  return function handleError(err: unknown, c: Context): Response {
    const body = publicError(err);
    if (body) {
      const wait = err instanceof RateLimitedError ? { 'Retry-After': String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } : body.code === 'busy' ? { 'Retry-After': '1' } : undefined;
      return errorResponse(c, body, wait);
    }
    log(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json({ error: { code: 'internal', message: errorCodes.internal } satisfies ErrorBody }, 500);
  };
}

/** A zod failure as one human line naming the fields: `email: Invalid email address`. */
export function describeIssues(error: ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return parts.join('; ') || 'The request is malformed.';
}

/** The validation hook every route shares: a failed schema is `invalid_request`, never a zod dump. */
export function validationHook(result: { success: boolean; error?: ZodError; target: string }): void {
  if (!result.success && result.error) {
    const where = result.target === 'json' || result.target === 'form' ? '' : `${result.target} `;
    throw new AtriumError('invalid_request', `${where}${describeIssues(result.error)}`.trim());
  }
}
