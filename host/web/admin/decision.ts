/** A rejection reason as the reviewer's form gives it. Pure (no DOM), tested in Node. */
import type { RejectionReason } from './api.ts';

/** `page:pages/index`, `scope:payments` or '' (the whole version) as a reason's target. */
export function reasonFrom(target: string, message: string): RejectionReason {
  const m = message.trim();
  if (target.startsWith('page:')) return { page: target.slice(5), message: m };
  if (target.startsWith('scope:')) return { scope: target.slice(6), message: m };
  return { message: m };
}
