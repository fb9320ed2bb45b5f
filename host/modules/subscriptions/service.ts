import type { Kysely } from 'kysely';
import type { TopicLog } from '../../realtime/index.ts';
import type { AppsService, Lifecycle } from '../apps/index.ts';
import type { Messaging } from '../messaging/index.ts';
import { createGrants } from './grants.ts';
import { createSender } from './send.ts';
import type { SubscriptionsTables } from './tables.ts';

export interface SubscriptionsOptions {
  db: Kysely<any>;
  topics: TopicLog;
  apps: Pick<AppsService, 'runnable' | 'runningVersion'>;
  lifecycle: Pick<Lifecycle, 'app'>;
  notices: Messaging['notices'];
  clock?: () => Date;
}

/** Subscription messages: grants recorded from the user's answers, sends that use them once. */
export function createSubscriptions(options: SubscriptionsOptions) {
  const db = options.db as Kysely<SubscriptionsTables>;
  const grants = createGrants(db, options.clock);
  const sender = createSender({ db, topics: options.topics, apps: options.apps, lifecycle: options.lifecycle, notices: options.notices, grants, clock: options.clock });
  return { grants, send: sender.send, sender };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
