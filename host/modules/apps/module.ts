import { defineModule } from '../../module.ts';
import { adminRoutes } from './admin.routes.ts';
import { createChecker } from './checks/index.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';
import { merchantRoutes, versionUpload } from './merchant.routes.ts';
import { appsMigrations } from './migrations.ts';
import { appsRoutes } from './routes.ts';
import { createAppsService, type AppsService } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    apps: { apps: AppsService; lifecycle: Lifecycle };
  }
}

/** The directory, versions through checks and review to release, and which version each user gets. */
export const appsModule = defineModule({
  name: 'apps',
  migrations: appsMigrations,
  start(host) {
    const db = host.db.kysely;
    const apps = createAppsService(db);
    // Checks run programs nobody has reviewed yet: on the review runtime, never beside users.
    const lifecycle = createLifecycle(db, createChecker({ runtime: host.reviewRuntime, policy: host.config.review }));
    const identity = host.get('identity');
    return {
      service: { apps, lifecycle },
      routes: [
        appsRoutes(apps),
        merchantRoutes({ lifecycle, createAppSecret: identity.createAppSecret, rotateAppSecret: identity.rotateAppSecret }),
        // Sessions start after apps; a suspension reaches them when it happens, long after start-up.
        adminRoutes({ lifecycle, account: identity.getAccount, endSessions: (appId, reason) => host.get('sessions').sessions.endApp(appId, reason) }),
      ],
      largeBodies: [versionUpload],
    };
  },
});
