import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildProgram, formatDiagnostic } from '../../sdk/build/index.ts';
import type { AppsService } from '../modules/apps/index.ts';
import type { IdentityService } from '../modules/identity/index.ts';

/** Fixed demo logins, printed at start: a local demo, never a deployment's accounts. */
export const demoAccounts = {
  user: { email: 'demo@atrium.local', password: 'atrium-demo-user', displayName: 'Demo User' },
  merchant: { email: 'merchant@atrium.local', password: 'atrium-demo-merchant', displayName: 'Atrium Demo Merchant' },
} as const;

/**
 * On a fresh database: a demo merchant whose example programs are built and released, and a demo
 * user. Returns false (and changes nothing) when the database already has apps.
 */
export async function seedDemo(deps: { identity: IdentityService; apps: AppsService; examplesDir: string; log: (line: string) => void }): Promise<boolean> {
  const { identity, apps } = deps;
  if ((await apps.directory()).length > 0) return false;
  const merchant = await identity.createAccount('merchant', demoAccounts.merchant);
  await identity.createAccount('user', demoAccounts.user);
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
    await apps.createApp({ id: appId, merchantId: merchant.id, name: m.name, category: m.category ?? 'other', description: m.description ?? '' });
    await apps.publish(appId, { manifest: m, bundle: built.bundle, assets: built.assets.map((a) => ({ path: a.path, contentType: a.contentType, bytes: a.bytes })) });
    await identity.createAppSecret(merchant.id, appId);
  }
  return true;
}
