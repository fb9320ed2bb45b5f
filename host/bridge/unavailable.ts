import { contract, notOffered, type HostImplementation } from '../../sdk/contract/index.ts';
import type { BridgeContext } from './context.ts';

type Impl = HostImplementation<BridgeContext>;

/**
 * Every method of the contract answering honestly that this host does not offer it yet: what a
 * namespace no module serves falls back to, so a method can never be missing, only refused with
 * `not_implemented`. `qr.getScene` is the exception the contract documents: a program opened
 * without a code has no scene, so it answers null.
 */
export function unavailableApi(): Impl {
  const api: Record<string, Record<string, () => Promise<unknown>>> = {};
  for (const [ns, methods] of Object.entries(contract)) {
    api[ns] = {};
    for (const [name, spec] of Object.entries(methods)) {
      if ((spec as { handledBy?: string }).handledBy === 'runtime') continue;
      api[ns]![name] = async () => {
        throw notOffered(`${ns}.${name}`);
      };
    }
  }
  api.qr!.getScene = async () => null;
  return api as unknown as Impl;
}

