import { defineModule } from '../../module.ts';
import { subscribeBridge } from './bridge.ts';
import { subscriptionMeRoutes } from './me.routes.ts';
import { subscriptionMerchantRoutes } from './merchant.routes.ts';
import { subscriptionsMigrations } from './migrations.ts';
import { createSubscriptions, type Subscriptions } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    subscriptions: Subscriptions;
  }
}

/** Subscription messages: the `subscribe` namespace, the merchant's sends, Me's list and revocation. */
export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  migrations: subscriptionsMigrations,
  start(host) {
    const { apps, lifecycle } = host.get('apps');
    const subs = createSubscriptions({ db: host.db.kysely, topics: host.topics, apps, lifecycle, notices: host.get('messaging').notices });
    return {
      service: subs,
      routes: [subscriptionMerchantRoutes(subs.sender), subscriptionMeRoutes(subs.grants)],
      bridge: { subscribe: subscribeBridge({ apps, prompts: host.get('sessions').prompts, grants: subs.grants }) },
    };
  },
});
