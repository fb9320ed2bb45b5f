/**
 * What more than one page of the shell reads from the host, on the typed client (../api/client.ts).
 */
import { api, must, type Schemas } from '../api/client.ts';
import { recentApps } from './recent.ts';

/** The user's wallet: a balance per currency, the PIN's state, and whether the card provider is a sandbox. */
export async function loadWallet(signal?: AbortSignal) {
  return must(api.GET('/api/wallet', { signal }));
}
export type Wallet = Awaited<ReturnType<typeof loadWallet>>;

export type AppName = Pick<Schemas['AppSummary'], 'id' | 'name'> & { iconUrl?: string | null };

/**
 * Apps by id, for lists that name them (orders, authorizations): the directory's, else the
 * recently used list's (an app no longer listed), else the caller falls back on the id.
 */
export async function appNames(accountId: string, signal?: AbortSignal): Promise<Map<string, AppName>> {
  const names = new Map<string, AppName>(recentApps(accountId).map((r) => [r.id, { id: r.id, name: r.name }]));
  const listed = await must(api.GET('/api/apps', { signal })).then(
    (r) => r.apps,
    (): AppName[] => [],
  );
  for (const app of listed) names.set(app.id, app);
  return names;
}
