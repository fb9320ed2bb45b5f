import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Runtime } from '../runtime/index.ts';
import { assemble } from './assembly.ts';
import { netBridge } from './bridge/index.ts';
import type { Config } from './config.ts';
import { connect, migrate, type Db } from './db/index.ts';
import { demoSeedFlow } from './flows/demo-seed.ts';
import { launchScenes } from './flows/launch-scene.ts';
import { merchantPageFlow } from './flows/merchant-page.ts';
import { paymentSheetNames } from './flows/payment-sheet.ts';
import { privacyFlow } from './flows/privacy/index.ts';
import { answerClientErrors, createHttpApp } from './http/index.ts';
import type { HostModule } from './module.ts';
import { appsModule } from './modules/apps/index.ts';
import { messagingModule } from './modules/messaging/index.ts';
import { identityModule } from './modules/identity/index.ts';
import { paymentsModule } from './modules/payments/index.ts';
import { qrModule } from './modules/qr/index.ts';
import { storageModule } from './modules/storage/index.ts';
import { subscriptionsModule } from './modules/subscriptions/index.ts';
import { webhooksModule } from './modules/webhooks/index.ts';
import { createMemoryBus, createTopicLog, realtimeMigrations } from './realtime/index.ts';
import { sessionsModule } from './sessions/index.ts';
import { webRoutes } from './web/index.ts';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/**
 * The host, module by module, in the order they start: each may use the ones before it. A module
 * is a folder (host/modules/<name>, or host/flows/<name> for work that spans modules) and a line
 * here.
 */
function hostModules(): HostModule[] {
  return [
    identityModule, //                 accounts, tokens, app secrets, login codes; `auth`
    appsModule, //                     directory, versions, checks, review, release
    demoSeedFlow(examplesDir), //      the demo merchant, apps and user on a fresh database
    storageModule, //                  per-user key-value storage; `storage`
    sessionsModule({ sceneOf: launchScenes }), // running programs, host-drawn UI; `ui`
    paymentsModule({ sheetNames: paymentSheetNames }), // wallets, orders, ledger; `payments`
    webhooksModule, //                 signed deliveries of outbound events, the host's own reactions
    messagingModule, //                conversations, groups, messages, inboxes; `groups`, follow
    subscriptionsModule, //            templates accepted, one send each, to service notifications; `subscribe`
    merchantPageFlow, //               a merchant's page: its programs, followers, follow
    qrModule, //                       codes, scans, touches, attribution, numbers; `qr`
    privacyFlow, //                    a user's export and erasure, across modules
  ];
}

export interface Platform {
  url: string;
  /** True when this start seeded the demo merchant, apps and user. */
  seeded: boolean;
  close(): Promise<void>;
}

export interface PlatformOptions {
  log?: (line: string) => void;
  /** A database made elsewhere (tests run the platform on each engine); closed with the platform. */
  db?: Db<any>;
}

/**
 * Starts the host: the database and every module's migrations, the sandboxes, the real-time
 * layer, the modules in order, the HTTP API and the sites, then listens. `close()` undoes it all
 * in reverse.
 */
export async function startPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? console.log;
  mkdirSync(config.dataDir, { recursive: true });
  const db = options.db ?? connect<any>(config);
  const modules = hostModules();
  await migrate(db.kysely, [realtimeMigrations, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))]);

  const bus = createMemoryBus();
  const runtime = await Runtime.create({ shards: config.shards });
  // Submission checks run code no one has reviewed yet, on shards no user's session is on: a
  // bundle built to hold its shard until the watchdog kills it (anyone who signs up as a
  // merchant can submit one) holds up only other checks. Review sessions are short-lived and
  // per merchant, so few idle modules are worth keeping.
  const reviewRuntime = await Runtime.create({ shards: config.reviewShards, idleModules: 8, idleModuleMs: 60_000 });
  const host = assemble({ config, db, log, bus, topics: createTopicLog(db.kysely, bus), runtime, reviewRuntime });
  for (const m of modules) await host.start(m);
  const { routes, largeBodies } = host.finish({ net: netBridge({ dev: config.dev, domains: (ctx) => ctx.networkDomains }) });

  const identity = host.host.get('identity');
  const app = createHttpApp({
    dev: config.dev,
    verifyToken: identity.verifyToken,
    verifyAppSecret: identity.verifyAppSecret,
    trustedOrigins: config.publicOrigin ? [config.publicOrigin] : [],
    trustedProxies: config.trustedProxies,
    routes,
    largeBodies,
    log,
  });
  app.route('/', webRoutes());

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.hostname }, () => resolve(s));
    answerClientErrors(s as Server);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.hostname === '0.0.0.0' ? '127.0.0.1' : config.hostname}:${port}`,
    seeded: host.host.get('demo').seeded,
    async close() {
      // Server-sent event streams never end by themselves: close them, or close() would wait forever.
      const closing = new Promise<void>((r) => server.close(() => r()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closing;
      await host.stop();
      await runtime.shutdown();
      await reviewRuntime.shutdown();
      await bus.close();
      await db.close();
    },
  };
}
