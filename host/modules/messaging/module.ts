import { defineModule } from '../../module.ts';
import { messagingAdminRoutes } from './admin.routes.ts';
import { followBridge, groupsBridge } from './bridge.ts';
import { messagingMigrations } from './migrations.ts';
import { messagingRoutes } from './routes.ts';
import { createMessaging, type Messaging } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    messaging: Messaging;
  }
}

/** How long a party's inbox keeps events for a stream to resume from; older, it resyncs from the lists. */
const INBOX_DAYS = 14;

/** Conversations, groups, messages and the inbox stream; the `groups` namespace. */
export const messagingModule = defineModule({
  name: 'messaging',
  migrations: messagingMigrations,
  start(host) {
    const identity = host.get('identity');
    const messaging = createMessaging({
      db: host.db.kysely,
      topics: host.topics,
      displayName: async (party, within) => (await identity.getAccount(party.slice(2), within))?.displayName,
      merchantExists: async (id) => (await identity.getAccount(id))?.kind === 'merchant',
    });
    // Relative unless the host knows the address people reach it at.
    const inviteUrl = (code: string) => `${host.config.publicOrigin ?? ''}/join/${code}`;
    return {
      service: messaging,
      routes: [messagingRoutes(messaging, { inviteUrl }), messagingAdminRoutes(messaging)],
      bridge: { groups: groupsBridge(messaging, inviteUrl), crm: followBridge(messaging) },
      largeBodies: [{ path: /^\/api\/chats\/images$/, maxBytes: messaging.limits.imageBytes + 1024 }],
      timers: [{ name: 'inbox trim', everyMs: 3600_000, run: () => host.topics.trim('inbox:', new Date(Date.now() - INBOX_DAYS * 24 * 3600_000).toISOString()) }],
    };
  },
});
