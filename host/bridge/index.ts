/**
 * The host's implementation of the contract, assembled from the namespaces each module serves
 * (its `bridge`); a namespace nobody serves answers `not_implemented` in every method.
 */
import { refusingPlanned, type HostImplementation } from '../../sdk/contract/index.ts';
import type { BridgeContext } from './context.ts';
import { unavailableApi } from './unavailable.ts';

export type { BridgeContext } from './context.ts';
export type HostApi = HostImplementation<BridgeContext>;
export { uiBridge } from './ui.ts';
export { netBridge } from './net/index.ts';

/** Puts the namespaces modules serve over the not-yet-available defaults; one owner per namespace. */
export function assembleHostApi(...parts: Partial<HostApi>[]): HostApi {
  const api = unavailableApi() as unknown as Record<string, unknown>;
  const owned = new Set<string>();
  for (const part of parts) {
    for (const [ns, impl] of Object.entries(part)) {
      if (impl === undefined) continue;
      if (owned.has(ns)) throw new Error(`two modules serve the host API namespace "${ns}"`);
      owned.add(ns);
      api[ns] = impl;
    }
  }
  return refusingPlanned(api as unknown as HostApi);
}
