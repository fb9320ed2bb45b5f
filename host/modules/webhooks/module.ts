import { defineModule } from '../../module.ts';
import { webhooksMigrations } from './migrations.ts';
import { webhookRoutes } from './routes.ts';
import { createWebhooks, type Webhooks } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    webhooks: Webhooks;
  }
}

/** The outbox's deliveries to merchants' endpoints, signed and retried. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  migrations: webhooksMigrations,
  start(host) {
    const webhooks = createWebhooks({ db: host.db.kysely, dev: host.config.dev, log: host.log });
    return {
      service: webhooks,
      routes: [webhookRoutes(webhooks)],
      // A round does not wait for the last one: a slow receiver only holds up its own deliveries.
      timers: [{ name: 'webhook delivery', everyMs: 1_000, run: () => webhooks.deliverDue() }],
      close: () => webhooks.close(),
    };
  },
});
