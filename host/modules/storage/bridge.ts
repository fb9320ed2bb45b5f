import type { HostImplementation } from '../../../sdk/contract/index.ts';
import type { BridgeContext } from '../../bridge/context.ts';
import type { StorageService } from './service.ts';

/** The `storage` namespace of the host API, for the session's user in the session's app. */
export function storageBridge(storage: StorageService): HostImplementation<BridgeContext>['storage'] {
  return {
    async get(ctx, a) {
      return { value: await storage.get(ctx.appId, ctx.userId, a.key) };
    },
    async set(ctx, a) {
      await storage.set(ctx.appId, ctx.userId, a.key, a.value);
      return null;
    },
    async remove(ctx, a) {
      await storage.remove(ctx.appId, ctx.userId, a.key);
      return null;
    },
    async info(ctx) {
      return storage.info(ctx.appId, ctx.userId);
    },
    async clear(ctx) {
      await storage.clear(ctx.appId, ctx.userId);
      return null;
    },
  };
}
