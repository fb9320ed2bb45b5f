/**
 * A host with live mini-program sessions over HTTP: identity, apps, storage and the session
 * routes on one database, a real sandbox runtime, no port. Programs are published straight
 * into the apps service (the review lifecycle has tests of its own).
 */
import { AtriumError, type Manifest } from '../../sdk/contract/index.ts';
import { Runtime, type RuntimeOptions } from '../../runtime/index.ts';
import { assembleHostApi, uiBridge } from '../../host/bridge/index.ts';
import { createMemoryBus, type Bus } from '../../host/realtime/index.ts';
import { appsMigrations, createAppsService, type AppsService } from '../../host/modules/apps/index.ts';
import { createStorageService, storageBridge, storageMigrations } from '../../host/modules/storage/index.ts';
import { createConsents, createPrompts, createSessionManager, sessionRoutes, sessionsMigrations, type SessionManager } from '../../host/sessions/index.ts';
import type { SessionManagerDeps } from '../../host/sessions/manager.ts';
import type { TestDatabase } from '../support/databases.ts';
import { HOST_ORIGIN, signUp, startTestHost, type TestHost } from './support.ts';

export interface SessionsHost extends TestHost {
  runtime: Runtime;
  bus: Bus;
  apps: AppsService;
  sessions: SessionManager;
  /** Publishes a one-page program (`pages/index`) as app `appId`. */
  publish(appId: string, bundle: string): Promise<void>;
  /** A new signed-in user and calls on their behalf. */
  user(): Promise<SessionUser>;
}

export interface SessionUser {
  id: string;
  open(appId: string): Promise<Response>;
  event(sessionId: string, handler: string): Promise<Response>;
  close(sessionId: string): Promise<Response>;
}

type ManagerOptions = Partial<Pick<SessionManagerDeps, 'sessionsPerUser' | 'opensPerMinute' | 'idleMs'>>;

export async function startSessionsHost(tdb: TestDatabase, options: { runtime?: RuntimeOptions; manager?: ManagerOptions } = {}): Promise<SessionsHost> {
  const runtime = await Runtime.create({ shards: 1, ...options.runtime });
  let apps!: AppsService;
  let sessions!: SessionManager;
  const bus = createMemoryBus();
  const host = await startTestHost(tdb, {
    migrations: [appsMigrations, storageMigrations, sessionsMigrations],
    routes({ db }) {
      const prompts = createPrompts(bus);
      const consents = createConsents(db.kysely);
      apps = createAppsService(db.kysely);
      sessions = createSessionManager({
        db: db.kysely,
        runtime,
        apps,
        bus,
        prompts,
        consents,
        openid: (appId, userId) => `openid-${appId}-${userId}`,
        implementation: assembleHostApi(
          { ui: uiBridge(bus, prompts) },
          { storage: storageBridge(createStorageService(db.kysely)) },
          {
          auth: {
            login: async () => ({ code: 'c' }),
            getUserProfile: async () => ({ nickname: 'someone', avatarUrl: 'https://example.com/a.png' }),
            getPhoneNumber: async () => { throw new AtriumError('not_implemented'); },
          },
          },
        ),
        ...options.manager,
      });
      return [sessionRoutes(sessions, bus, consents)];
    },
  });
  return {
    ...host,
    runtime,
    bus,
    apps,
    sessions,
    async publish(appId, bundle) {
      const manifest: Manifest = { name: appId, version: '1.0.0', pages: ['pages/index'], network: { domains: [] }, permissions: {} };
      await apps.createApp({ id: appId, merchantId: `merchant-of-${appId}`, name: appId, category: 'tools', description: appId });
      await apps.publish(appId, { manifest, bundle, assets: [] });
    },
    async user() {
      const { account, cookie } = await signUp(host);
      const as = { cookie, origin: HOST_ORIGIN };
      return {
        id: account.id,
        open: (appId) => host.call('POST', `/api/apps/${appId}/sessions`, { ...as, body: {} }),
        event: (sessionId, handler) => host.call('POST', `/api/sessions/${sessionId}/events`, { ...as, body: { handler, type: 'tap' } }),
        close: (sessionId) => host.call('DELETE', `/api/sessions/${sessionId}`, as),
      };
    },
    async close() {
      await runtime.shutdown();
      await host.close();
    },
  };
}
