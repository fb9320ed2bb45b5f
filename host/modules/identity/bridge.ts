import { AtriumError, notOffered, type HostImplementation } from '../../../sdk/contract/index.ts';
import type { IdentityService } from './service.ts';
import type { BridgeContext } from '../../bridge/context.ts';

/** `auth`: login codes for the merchant's backend, and the profile once the user consented. */
export function authBridge(identity: IdentityService): HostImplementation<BridgeContext>['auth'] {
  return {
    async login(ctx) {
      const { code } = await identity.issueLoginCode(ctx.appId, ctx.userId);
      return { code };
    },
    async getUserProfile(ctx) {
      const account = await identity.getAccount(ctx.userId);
      if (!account) throw new AtriumError('not_found', 'the account is gone');
      return { nickname: account.displayName.slice(0, 64), avatarUrl: '' };
    },
    // Planned (accounts have no verified phone number yet): refused by every host alike.
    async getPhoneNumber() {
      throw notOffered('auth.getPhoneNumber');
    },
  };
}
