/**
 * The host's implementation of the contract, assembled from each module's bridge. `satisfies`
 * makes a contract method without an implementation a type error here.
 */
import type { HostImplementation } from '../../sdk/contract/index.ts';
import type { Bus } from '../realtime/index.ts';
import { storageBridge, type StorageService } from '../modules/storage/index.ts';
import type { Prompts } from '../sessions/prompts.ts';
import type { BridgeContext } from './context.ts';
import { uiBridge } from './ui.ts';
import { crmUnavailable, groupsUnavailable, paymentsUnavailable, qrUnavailable, subscribeUnavailable } from './unavailable.ts';

export type { BridgeContext } from './context.ts';
export type HostApi = HostImplementation<BridgeContext>;

export interface HostApiDeps {
  bus: Bus;
  prompts: Prompts;
  storage: StorageService;
  /** Login codes and profiles come from the identity module. */
  auth: HostApi['auth'];
  net: HostApi['net'];
  /** Orders and the payment sheet; unavailable when left out. */
  payments?: HostApi['payments'];
}

export function createHostApi(deps: HostApiDeps): HostApi {
  return {
    ui: uiBridge(deps.bus, deps.prompts),
    storage: storageBridge(deps.storage),
    auth: deps.auth,
    net: deps.net,
    payments: deps.payments ?? paymentsUnavailable,
    groups: groupsUnavailable,
    qr: qrUnavailable,
    crm: crmUnavailable,
    subscribe: subscribeUnavailable,
  } satisfies HostApi;
}
