import { defineModule, type ModuleHost } from '../module.ts';
import { uiBridge } from '../bridge/index.ts';
import { createConsents, type Consents } from './consents.ts';
import { createSessionManager, type SessionManager } from './manager.ts';
import { sessionsMigrations } from './migrations.ts';
import { createPrompts, type Prompts } from './prompts.ts';
import { sessionRoutes, type SceneOf } from './routes.ts';

declare module '../module.ts' {
  interface ModuleServices {
    sessions: { sessions: SessionManager; prompts: Prompts; consents: Consents };
  }
}

export interface SessionsModuleOptions {
  /** The scene of a program opened from something the host can check (a shared card): a flow. */
  sceneOf(host: ModuleHost): SceneOf;
}

/** Users' running programs: open, events, host-drawn UI (the `ui` namespace), eviction and return. */
export const sessionsModule = (options: SessionsModuleOptions) => defineModule({
  name: 'sessions',
  migrations: sessionsMigrations,
  start(host) {
    const { config, db, bus, runtime } = host;
    const prompts = createPrompts(bus);
    const consents = createConsents(db.kysely);
    const identity = host.get('identity');
    const sessions = createSessionManager({
      db: db.kysely,
      runtime,
      apps: host.get('apps').apps,
      bus,
      prompts,
      consents,
      // Every module's namespaces, assembled once all have started; a session calls them later.
      implementation: () => host.hostApi(),
      openid: identity.openidFor,
      log: (appId, level, text) => host.log(`[${appId}] ${level}: ${text}`),
      warmSessions: config.warmSessions,
      sessionsPerUser: config.sessionsPerUser,
      opensPerMinute: config.sessionOpensPerMinute,
    });
    return {
      service: { sessions, prompts, consents },
      routes: [sessionRoutes(sessions, bus, consents, { sceneOf: options.sceneOf(host) })],
      bridge: { ui: uiBridge(bus, prompts) },
      timers: [{ name: 'session eviction', everyMs: 60_000, run: () => sessions.evictIdle() }],
      // Every live session is snapshotted, so users carry on after a restart.
      close: () => sessions.suspendAll(),
    };
  },
});
