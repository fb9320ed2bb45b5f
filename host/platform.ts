import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Runtime } from '../runtime/index.ts';
import { authBridge } from './bridge/auth.ts';
import { createHostApi } from './bridge/index.ts';
import { netBridge } from './bridge/net/index.ts';
import { createMemoryBus } from './realtime/index.ts';
import type { Config } from './config.ts';
import { connect, migrate, type Db } from './db/index.ts';
import { answerClientErrors, createHttpApp } from './http/index.ts';
import { adminRoutes, appsMigrations, appsRoutes, createAppsService, createChecker, createLifecycle, merchantRoutes, versionUpload } from './modules/apps/index.ts';
import { createIdentity, identityMigrations, loadPlatformSecret } from './modules/identity/index.ts';
import { createPayments, paymentMerchantRoutes, paymentsBridge, paymentsMigrations, paymentUserRoutes, simulatedProvider } from './modules/payments/index.ts';
import { createWebhooks, webhookRoutes, webhooksMigrations } from './modules/webhooks/index.ts';
import { createErasure, createUserExport, privacyRoutes } from './modules/privacy/index.ts';
import { createStorageService, storageMigrations } from './modules/storage/index.ts';
import { seedDemo } from './seed/demo.ts';
import { createConsents, createPrompts, createSessionManager, sessionRoutes, sessionsMigrations } from './sessions/index.ts';
import { webRoutes } from './web/index.ts';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

export interface Platform {
  url: string;
  /** True when this start seeded the demo merchant, apps and user. */
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Wires the host: storage and its migrations, identity, the sandbox runtime, live sessions, the
 * HTTP API and the shell, then listens. Everything it makes is closed by `close()`, in reverse.
 */
export interface PlatformOptions {
  log?: (line: string) => void;
  /** A database made elsewhere (tests run the platform on each engine); closed with the platform. */
  db?: Db<any>;
}

export async function startPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? console.log;
  mkdirSync(config.dataDir, { recursive: true });
  const db = options.db ?? connect<any>(config);
  await migrate(db.kysely, [identityMigrations, appsMigrations, storageMigrations, sessionsMigrations, paymentsMigrations, webhooksMigrations]);
  // Read once: identity derives ids and hashes secrets with it, payments MACs PINs with it.
  const secret = loadPlatformSecret(config.dataDir);
  const identity = await createIdentity({ db: db.kysely, dataDir: config.dataDir, secret });
  if (config.admin && !(await identity.hasAdmin())) await identity.createAdmin(config.admin.email, config.admin.password);
  const apps = createAppsService(db.kysely);
  const runtime = await Runtime.create({ shards: config.shards });
  // Submission checks run code no one has reviewed yet, on shards no user's session is on: a
  // bundle built to hold its shard until the watchdog kills it (anyone who signs up as a
  // merchant can submit one) holds up only other checks. Review sessions are short-lived and
  // per merchant, so few idle modules are worth keeping.
  const reviewRuntime = await Runtime.create({ shards: config.reviewShards, idleModules: 8, idleModuleMs: 60_000 });
  const lifecycle = createLifecycle(db.kysely, createChecker({ runtime: reviewRuntime, policy: config.review }));
  const seeded = config.seedDemo ? await seedDemo({ identity, lifecycle, examplesDir, log }) : false;
  const payments = createPayments({ db: db.kysely, mac: secret.mac, provider: simulatedProvider(), feeBps: config.feeBps });
  const webhooks = createWebhooks({ db: db.kysely, dev: config.dev });
  const bus = createMemoryBus();
  const prompts = createPrompts(bus);
  const consents = createConsents(db.kysely);
  const storage = createStorageService(db.kysely);
  const implementation = createHostApi({
    bus,
    prompts,
    storage,
    auth: authBridge(identity),
    net: netBridge({ dev: config.dev, domains: (ctx) => ctx.networkDomains }),
    payments: paymentsBridge({
      payments,
      prompts,
      async names(appId, merchantId) {
        const [app, merchant] = await Promise.all([lifecycle.app({ id: 'platform', kind: 'system' }, appId), identity.getAccount(merchantId)]);
        return { appName: app.name, merchantName: merchant?.displayName ?? app.name };
      },
    }),
  });
  const sessions = createSessionManager({
    db: db.kysely,
    runtime,
    apps,
    bus,
    prompts,
    consents,
    implementation,
    openid: identity.openidFor,
    log: (appId, level, text) => log(`[${appId}] ${level}: ${text}`),
    warmSessions: config.warmSessions,
    sessionsPerUser: config.sessionsPerUser,
    opensPerMinute: config.sessionOpensPerMinute,
  });
  const evictor = setInterval(() => void sessions.evictIdle().catch((e) => log(`eviction failed: ${(e as Error).message}`)), 60_000);
  evictor.unref();
  // Due times live in the database, so these pick up after a restart whatever fell due meanwhile.
  const settle = async () => {
    await payments.orders.expireDue();
    await payments.settlement.releaseDue();
    await payments.withdrawals.settlePending();
  };
  const settler = setInterval(() => void settle().catch((e) => log(`settlement failed: ${(e as Error).message}`)), 30_000);
  settler.unref();
  void settle().catch((e) => log(`settlement failed: ${(e as Error).message}`));
  // A round does not wait for the last one: a slow receiver only holds up its own deliveries.
  const deliverer = setInterval(() => void webhooks.deliverDue().catch((e) => log(`webhook delivery failed: ${(e as Error).message}`)), 1_000);
  deliverer.unref();

  const app = createHttpApp({
    dev: config.dev,
    verifyToken: identity.verifyToken,
    verifyAppSecret: identity.verifyAppSecret,
    trustedOrigins: config.publicOrigin ? [config.publicOrigin] : [],
    trustedProxies: config.trustedProxies,
    routes: [
      identity.routes,
      appsRoutes(apps),
      merchantRoutes({ lifecycle, createAppSecret: identity.createAppSecret, rotateAppSecret: identity.rotateAppSecret }),
      adminRoutes({ lifecycle, account: identity.getAccount, endSessions: sessions.endApp }),
      sessionRoutes(sessions, bus, consents),
      paymentUserRoutes(payments),
      paymentMerchantRoutes(payments),
      webhookRoutes(webhooks),
      privacyRoutes({
        exportUser: createUserExport({ account: identity.getAccount, authorizations: consents.list, payments, storage }),
        erase: createErasure({
          confirmPassword: identity.confirmPassword,
          moneyInPlay: payments.moneyInPlay,
          endSessions: sessions.endUser,
          eraseStorage: storage.eraseUser,
          forgetConsents: consents.clear,
          anonymize: identity.anonymize,
        }),
      }),
    ],
    largeBodies: [versionUpload],
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
    seeded,
    async close() {
      clearInterval(evictor);
      clearInterval(settler);
      clearInterval(deliverer);
      // Server-sent event streams never end by themselves: close them, or close() would wait forever.
      const closing = new Promise<void>((r) => server.close(() => r()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closing;
      await sessions.suspendAll();
      await runtime.shutdown();
      await reviewRuntime.shutdown();
      await webhooks.close();
      await bus.close();
      await db.close();
    },
  };
}
