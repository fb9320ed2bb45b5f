import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildProgram, formatDiagnostic } from '../../sdk/build/index.ts';
import { defineModule } from '../module.ts';
import type { Actor, Lifecycle } from '../modules/apps/index.ts';
import type { IdentityService } from '../modules/identity/index.ts';

declare module '../module.ts' {
  interface ModuleServices {
    demo: { seeded: boolean };
  }
}

/** The demo merchant, apps and user on a fresh database, when the config asks for them (npm start does). */
export function demoSeedFlow(examplesDir: string) {
  return defineModule({
    name: 'demo',
    async start(host) {
      const seeded = host.config.seedDemo ? await seedDemo({ identity: host.get('identity'), lifecycle: host.get('apps').lifecycle, examplesDir, log: host.log }) : false;
      return { service: { seeded } };
    },
  });
}

/** Fixed demo logins, printed at start: a local demo, never a deployment's accounts. */
export const demoAccounts = {
  user: { email: 'demo@atrium.local', password: 'atrium-demo-user', displayName: 'Demo User' },
  merchant: { email: 'merchant@atrium.local', password: 'atrium-demo-merchant', displayName: 'Atrium Demo Merchant' },
  admin: { email: 'admin@atrium.local', password: 'atrium-demo-admin', displayName: 'Demo Admin' },
} as const;

/**
 * On a fresh database: a demo merchant whose example programs went through the same submission,
 * checks, review and release as anyone's, a demo user and (when there is no admin yet) a demo
 * admin. Returns false (and changes nothing) when the database already has apps.
 */
export async function seedDemo(deps: { identity: IdentityService; lifecycle: Lifecycle; examplesDir: string; log: (line: string) => void }): Promise<boolean> {
  const { identity, lifecycle } = deps;
  if ((await lifecycle.allApps()).length > 0) return false;
  const merchant = await identity.createAccount('merchant', demoAccounts.merchant);
  await identity.createAccount('user', demoAccounts.user);
  const reviewer: Actor = (await identity.hasAdmin())
    ? { id: 'system', kind: 'system' }
    : { id: (await identity.createAccount('admin', demoAccounts.admin)).id, kind: 'admin' };
  const owner: Actor = { id: merchant.id, kind: 'merchant' };
  const dirs = readdirSync(deps.examplesDir)
    .map((name) => join(deps.examplesDir, name))
    .filter((dir) => existsSync(join(dir, 'atrium.json')))
    .sort();
  for (const dir of dirs) {
    const built = await buildProgram(dir);
    if (!built.ok) {
      deps.log(`demo: ${basename(dir)} did not build:\n${built.errors.map(formatDiagnostic).join('\n')}`);
      continue;
    }
    const m = built.manifest;
    const appId = basename(dir);
    await lifecycle.createApp(owner, { id: appId, name: m.name, category: m.category ?? 'other', description: m.description ?? '' });
    const version = await lifecycle.submit(owner, appId, { manifest: m, bundle: built.bundle, assets: built.assets, releaseNotes: 'The first version.' });
    await lifecycle.approve(reviewer, version.id, 'Demo content, approved on first start.');
    await lifecycle.release(owner, appId, m.version);
    await identity.createAppSecret(merchant.id, appId);
  }
  return true;
}
