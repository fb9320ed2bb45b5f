import { AtriumError, type HostImplementation } from '../../sdk/contract/index.ts';
import type { BridgeContext } from './context.ts';

/**
 * Namespaces whose host side arrives with a later piece of work (payments, groups, QR, CRM,
 * subscriptions). They answer honestly that the host does not offer them yet.
 */
function unavailable(what: string): never {
  throw new AtriumError('not_implemented', `${what} is not available on this host yet`);
}

type Impl = HostImplementation<BridgeContext>;

export const paymentsUnavailable: Impl['payments'] = {
  createOrder: async () => unavailable('payments'),
  requestPayment: async () => unavailable('payments'),
  getOrder: async () => unavailable('payments'),
  requestRefund: async () => unavailable('payments'),
};

export const groupsUnavailable: Impl['groups'] = {
  join: async () => unavailable('groups'),
  leave: async () => unavailable('groups'),
  listMine: async () => unavailable('groups'),
  sendMessage: async () => unavailable('groups'),
  createInvite: async () => unavailable('groups'),
};

export const qrUnavailable: Impl['qr'] = {
  getScene: async () => null,
  createCode: async () => unavailable('QR codes'),
};

export const crmUnavailable: Impl['crm'] = {
  recordEvent: async () => unavailable('CRM'),
  setAttributes: async () => unavailable('CRM'),
  follow: async () => unavailable('following'),
  unfollow: async () => unavailable('following'),
};

export const subscribeUnavailable: Impl['subscribe'] = {
  requestSubscribe: async () => unavailable('subscription messages'),
};
