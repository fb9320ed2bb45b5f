/** @jsxImportSource preact */
/** Every app on the platform, searched by id, name or merchant and filtered by state. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, must } from '../../api/client.ts';
import { AppRow } from '../../desk/app-row.tsx';
import { FilterChips, PageHead } from '../../desk/ui.tsx';
import { Empty, Loaded, StatusChip, useResource, useSite, useTitle } from '../../kit/index.ts';
import { adminPaths, type AppStatusFilter } from '../routes.ts';

const SEARCH_DELAY_MS = 250;
const FILTERS: { value: AppStatusFilter; text: string }[] = [
  { value: '', text: 'All' },
  { value: 'active', text: 'Active' },
  { value: 'suspended', text: 'Suspended' },
];

export function AppsPage({ filter }: { filter: { search: string; status: AppStatusFilter } }) {
  useTitle('Apps');
  const { router } = useSite();
  const typed = useSignal(filter.search);
  const search = useSignal(filter.search);
  const status = useSignal(filter.status);
  // The address follows the filter, so a reload or a shared link shows the same list.
  useEffect(() => router.replaceAddress(adminPaths.apps({ search: search.value, status: status.value })), [search.value, status.value]);
  useEffect(() => {
    const wait = setTimeout(() => (search.value = typed.value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(wait);
  }, [typed.value]);

  const apps = useResource(async (signal) => {
    const f = { search: search.value, status: status.value };
    const query = { search: f.search || undefined, status: f.status || undefined };
    return { ...f, apps: (await must(api.GET('/api/admin/apps', { params: { query }, signal }))).apps };
  }, [search.value, status.value]);

  return (
    <div class="desk-page">
      <PageHead title="Apps" sub={['Every mini-program on Atrium.']} />
      <div class="desk-toolbar">
        <input
          class="shell-field-input desk-search"
          type="search"
          aria-label="Search apps"
          placeholder="Search by name, id or merchant"
          enterKeyHint="search"
          value={typed}
          onInput={(e) => (typed.value = e.currentTarget.value)}
        />
        <FilterChips label="State" options={FILTERS} value={status.value} pick={(s) => (status.value = s)} />
      </div>
      <div class="desk-slot">
        <Loaded resource={apps} failure="Couldn't load the apps">
          {(found) =>
            found.apps.length ? (
              <div class="desk-list" aria-label="Apps">
                {found.apps.map((app) => (
                  <AppRow
                    app={app}
                    href={adminPaths.app(app.id)}
                    sub={`${app.id} · ${app.category} · merchant ${app.merchantId}`}
                    more={app.licensed && <StatusChip label={{ text: 'Licensed', tone: 'blue' }} />}
                    testid={`app-${app.id}`}
                  />
                ))}
              </div>
            ) : (
              <Empty title={found.search ? `Nothing matches “${found.search}”` : 'No apps'} text={found.status ? `No ${found.status} apps${found.search ? ' match' : ''}.` : 'Apps appear here once merchants make them.'} />
            )
          }
        </Loaded>
      </div>
    </div>
  );
}
