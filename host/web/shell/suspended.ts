/**
 * A suspended mini-program: opening it is refused (403 `app_suspended`), or a live session is ended
 * by the suspension. The runner says so with the platform's reason (app/parts.tsx `Suspended`).
 */

/** The platform's reason when an error says the app is suspended, else null. */
export function suspendedReason(error: { code?: unknown; message?: unknown; details?: unknown } | null | undefined): string | null {
  if (!error || error.code !== 'app_suspended') return null;
  const reason = (error.details as { reason?: unknown } | null | undefined)?.reason;
  if (typeof reason === 'string' && reason.trim()) return reason.trim();
  return typeof error.message === 'string' && error.message ? error.message : 'No reason was given.';
}
