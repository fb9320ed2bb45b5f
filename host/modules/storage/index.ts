/** Storage: the database behind the `storage` host API. */
export { storageMigrations, type StorageTables } from './migrations.ts';
export { createStorageService, defaultStorageLimits, type StorageService, type StorageLimits } from './service.ts';
export { storageBridge } from './bridge.ts';
export { storageModule } from './module.ts';
