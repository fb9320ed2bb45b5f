import { defineModule } from '../../module.ts';
import { authBridge } from './bridge.ts';
import { createIdentity, type Identity } from './index.ts';
import { identityMigrations } from './migrations.ts';
import { loadPlatformSecret } from './platform-secret.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    identity: Identity & {
      /** A keyed hash under the platform secret (payments keys PINs with it). */
      mac(message: string): string;
    };
  }
}

/** Accounts, tokens, app secrets and login codes; the `auth` namespace programs call. */
export const identityModule = defineModule({
  name: 'identity',
  migrations: identityMigrations,
  async start(host) {
    // Read once: identity derives ids and hashes secrets with it, payments MACs PINs with it.
    const secret = loadPlatformSecret(host.config.dataDir);
    const identity = await createIdentity({ db: host.db.kysely, dataDir: host.config.dataDir, secret, teamInviteUrl: (code) => `${host.config.publicOrigin ?? ''}/console/join/${code}` });
    const { admin } = host.config;
    if (admin && !(await identity.hasAdmin())) await identity.createAdmin(admin.email, admin.password);
    return {
      service: { ...identity, mac: secret.mac },
      routes: [identity.routes],
      bridge: { auth: authBridge(identity) },
    };
  },
});
