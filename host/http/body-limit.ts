import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AtriumError } from '../../sdk/contract/errors.ts';
import type { AppEnv } from './env.ts';

const bodiless = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a body over `maxBytes` with 413 `too_large`. A declared Content-Length is checked from
 * the header alone: Node's parser never reads past it, so it bounds the body. Touching the request's
 * body stream would cost the node adapter its direct-read path for `json()` (about a tenth of a
 * millisecond a request), so only a streamed body without a length goes through hono's counting
 * limiter.
 */
export function limitBodies(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new AtriumError('too_large', `The body is over the ${Math.floor(maxBytes / 1024)} KiB limit.`);
  };
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return function limitBody(c, next) {
    if (bodiless.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) tooLarge();
      return next();
    }
    return counting(c, next);
  };
}
