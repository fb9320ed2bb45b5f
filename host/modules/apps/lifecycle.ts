import type { Kysely } from 'kysely';
import type { Checker } from './checks/index.ts';
import { createModeration } from './moderation.ts';
import { createReleases } from './releases.ts';
import { createReview } from './review.ts';
import { appsStore, type Actor } from './store.ts';
import { createSubmissions } from './submissions.ts';
import type { AppsTables } from './tables.ts';
import type { VersionView } from './views.ts';

/**
 * An app's life after it is made: versions submitted and checked, reviewed by an admin, released
 * to a share of users or all, rolled back, suspended and reinstated. Every step is audited.
 */
export function createLifecycle(db: Kysely<AppsTables>, checker: Checker) {
  const store = appsStore(db);
  return {
    ...createSubmissions(db, store, checker),
    ...createReview(db, store),
    ...createReleases(db, store),
    ...createModeration(db, store),
    async app(actor: Actor, appId: string) {
      return store.viewApp(await store.appFor(actor, appId));
    },
    async versions(actor: Actor, appId: string): Promise<VersionView[]> {
      await store.appFor(actor, appId);
      return store.versions(appId);
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
