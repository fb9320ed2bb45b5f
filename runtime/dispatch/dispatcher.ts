import { z } from 'zod';
import {
  AtriumError,
  describeTextProblem,
  findTextProblem,
  getMethod,
  scopes,
  type ErrorBody,
  type HostImplementation,
  type Manifest,
  type Outcome,
  type Scope,
} from '../../sdk/contract/index.ts';
import type { GuestCall } from '../pool/session.ts';

export interface DispatchOptions<Ctx> {
  /** The host's implementation of every contract method. */
  implementation: HostImplementation<Ctx>;
  /** What the program declared: calls to scopes it did not declare are refused. */
  permissions: Manifest['permissions'];
  /**
   * Asked before a personal-data scope is used; resolves true when the user has granted it
   * (the host draws the prompt). Without it, personal scopes are refused.
   */
  consent?: (scope: Scope, ctx: Ctx) => Promise<boolean>;
}

/**
 * One dispatcher for every guest call: look the method up in the contract, check the scope and
 * consent, validate the arguments (with no NUL in any text), call the host, validate the result,
 * and shape any failure as a stable code. Used by the real host and by the testing harness alike.
 */
export function createDispatcher<Ctx>(options: DispatchOptions<Ctx>) {
  const { implementation, permissions, consent } = options;
  return async function dispatch(call: GuestCall, ctx: Ctx): Promise<Outcome<unknown>> {
    try {
      const spec = getMethod(call.method);
      if (!spec || spec.handledBy === 'runtime') {
        throw new AtriumError('unknown_method', `"${call.method}" is not a host API method`);
      }
      if (spec.gesture && !call.gesture) {
        throw new AtriumError('gesture_required', `${call.method} can only be called in the handler of the user's tap, before any await`);
      }
      if (spec.scope) {
        if (!permissions[spec.scope]) {
          throw new AtriumError(
            'permission_denied',
            `${call.method} needs the "${spec.scope}" scope: declare it under "permissions" in atrium.json with a reason`,
          );
        }
        if (scopes[spec.scope].personal) {
          const granted = consent ? await consent(spec.scope, ctx) : false;
          if (!granted) throw new AtriumError('consent_denied', `the user did not allow access to ${scopes[spec.scope].title}`);
        }
      }
      const parsed = spec.args.safeParse(call.args);
      if (!parsed.success) {
        throw new AtriumError('invalid_args', `${call.method}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
      }
      // Whatever the host does with the text next (keep it, show it, send it on), one database
      // would refuse a NUL in it and the other keep it: refused here, the same on both.
      const nul = findTextProblem(parsed.data);
      if (nul) throw new AtriumError('invalid_args', `${call.method}: ${describeTextProblem(nul)}`);
      const [ns, name] = call.method.split('.') as [string, string];
      const fn = (implementation as Record<string, Record<string, (c: Ctx, a: unknown) => Promise<unknown>>>)[ns]?.[name];
      if (!fn) throw new AtriumError('not_implemented', `${call.method} is not available on this host`);
      const result = await fn(ctx, parsed.data);
      const checked = spec.result.safeParse(result ?? null);
      if (!checked.success) {
        throw new AtriumError('internal', `${call.method} produced a result outside its contract`);
      }
      return { ok: true, data: checked.data };
    } catch (e) {
      return { ok: false, error: toErrorBody(e) };
    }
  };
}

export function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof AtriumError) return e.toBody();
  return { code: 'internal', message: 'the host failed to answer' };
}
