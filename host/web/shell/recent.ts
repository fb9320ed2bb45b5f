/**
 * Recently used mini-programs, newest first, kept in this browser per account (someone else
 * signing in on the same device does not see them). localStorage is only ever read as data.
 */

export interface RecentApp {
  id: string;
  name: string;
  /** When it was last opened (ms since the epoch). */
  at: number;
}

const MAX = 8;
const key = (accountId: string) => `atrium.recent.v1.${accountId}`;

export function recentApps(accountId: string, storage: Storage | null = safeStorage()): RecentApp[] {
  if (!storage) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(key(accountId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((r): r is RecentApp => !!r && typeof r.id === 'string' && typeof r.name === 'string' && typeof r.at === 'number')
    .slice(0, MAX);
}

export function rememberApp(accountId: string, app: { id: string; name: string }, now = Date.now(), storage: Storage | null = safeStorage()): RecentApp[] {
  const list = [{ id: app.id, name: app.name, at: now }, ...recentApps(accountId, storage).filter((r) => r.id !== app.id)].slice(0, MAX);
  try {
    storage?.setItem(key(accountId), JSON.stringify(list));
  } catch {
    // Full or forbidden storage: recents are a convenience, the app still opens.
  }
  return list;
}

/** Storage can be missing or throw on access (private modes, blocked cookies). */
function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
