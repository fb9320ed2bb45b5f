import { defineModule } from '../../module.ts';
import { storageBridge } from './bridge.ts';
import { storageMigrations } from './migrations.ts';
import { createStorageService, type StorageService } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    storage: StorageService;
  }
}

/** Per user, per app key-value storage with quotas: the `storage` namespace. */
export const storageModule = defineModule({
  name: 'storage',
  migrations: storageMigrations,
  start(host) {
    const storage = createStorageService(host.db.kysely);
    return { service: storage, bridge: { storage: storageBridge(storage) } };
  },
});
