import type { Manifest } from '../../../../sdk/contract/index.ts';
import type { CheckContext, VersionDiff } from './types.ts';

function change(now: string[], before: string[]): { added: string[]; removed: string[] } {
  return { added: now.filter((x) => !before.includes(x)).sort(), removed: before.filter((x) => !now.includes(x)).sort() };
}

/** Pages, scopes and domains added or removed against the previous version, and the size change. */
export function diffVersions(previous: CheckContext['previous'], m: Manifest, sizeBytes: number): VersionDiff {
  const before = previous?.manifest;
  const pages = change(m.pages, before?.pages ?? []);
  const scopes = change(Object.keys(m.permissions), Object.keys(before?.permissions ?? {}));
  const domains = change(m.network.domains, before?.network.domains ?? []);
  return {
    against: previous?.version ?? null,
    pagesAdded: pages.added,
    pagesRemoved: pages.removed,
    scopesAdded: scopes.added,
    scopesRemoved: scopes.removed,
    domainsAdded: domains.added,
    domainsRemoved: domains.removed,
    sizeDelta: previous ? sizeBytes - previous.sizeBytes : null,
  };
}
