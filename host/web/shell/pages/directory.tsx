/** @jsxImportSource preact */
/**
 * Discover: the directory of released mini-programs, with search, category chips and the ones this
 * user opened recently. The address keeps the filter, so a reload or a shared link shows the same
 * list.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api, must, type Schemas } from '../../api/client.ts';
import { initial } from '../../common/icon.ts';
import { AppIcon, Empty, Link, Loaded, useResource, useSite, useTitle } from '../../kit/index.ts';
import { useWho } from '../account.ts';
import { TabPage } from '../home.tsx';
import { recentApps } from '../recent.ts';
import { appPath, directoryPath } from '../router.ts';
import { Section } from '../ui.tsx';

const SEARCH_DELAY_MS = 250;

type AppSummary = Schemas['AppSummary'];

export function DirectoryPage({ filter }: { filter: { search: string; category: string } }) {
  useTitle('Discover');
  const { router } = useSite();
  const { account } = useWho();
  const typed = useSignal(filter.search);
  const search = useSignal(filter.search);
  const category = useSignal(filter.category);
  /** Uploaded icons of every app listed so far, for the recently used tiles. */
  const icons = useRef(new Map<string, string | null>()).current;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => router.replaceAddress(directoryPath({ search: search.value, category: category.value })), [search.value, category.value]);
  useEffect(() => {
    const wait = setTimeout(() => (search.value = typed.value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(wait);
  }, [typed.value]);

  const categories = useResource(
    // The chips are a shortcut: without them the list and the search still work.
    (signal) => must(api.GET('/api/apps/categories', { signal })).then((r) => r.categories, () => []),
    [],
  );
  const list = useResource(async (signal) => {
    const f = { search: search.value, category: category.value };
    const query = { search: f.search || undefined, category: f.category || undefined };
    const { apps } = await must(api.GET('/api/apps', { params: { query }, signal }));
    for (const a of apps) if (a.iconUrl) icons.set(a.id, a.iconUrl);
    return { ...f, apps };
  }, [search.value, category.value]);

  const who = account ? (
    <Link href="/me" class="shell-avatar shell-avatar-small" aria-label="Me">
      {initial(account.displayName)}
    </Link>
  ) : (
    <Link href="/login" class="shell-header-action">
      Sign in
    </Link>
  );
  const searchBar = (
    <form
      class="shell-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        input.current?.blur();
        search.value = typed.value.trim();
      }}
    >
      <span class="shell-search-icon" />
      <input
        ref={input}
        class="shell-search-input"
        type="search"
        placeholder="Search mini-programs"
        aria-label="Search mini-programs"
        enterKeyHint="search"
        value={typed}
        onInput={(e) => (typed.value = e.currentTarget.value)}
      />
    </form>
  );

  const recent = account ? recentApps(account.id) : [];
  const chips = ['', ...(categories.data ?? [])];
  if (category.value && !chips.includes(category.value)) chips.push(category.value);
  return (
    <TabPage title="Discover" action={who} tools={searchBar}>
      {recent.length > 0 && (
        <Section title="Recently used">
          <div class="shell-recent">
            {recent.map((a) => (
              <Link href={appPath(a.id)} class="shell-tile">
                <AppIcon app={{ ...a, iconUrl: icons.get(a.id) }} size="large" />
                <span class="shell-tile-name">{a.name}</span>
              </Link>
            ))}
          </div>
        </Section>
      )}
      <div class="shell-chips" role="tablist" aria-label="Categories">
        {chips.map((c) => (
          <button
            type="button"
            role="tab"
            aria-selected={c === category.value}
            class={`shell-chip${c === category.value ? ' shell-chip-active' : ''}`}
            onClick={() => {
              search.value = typed.value.trim();
              category.value = c === category.value ? '' : c;
            }}
          >
            {c ? categoryLabel(c) : 'All'}
          </button>
        ))}
      </div>
      <Section title={listTitle(list.data ?? { search: search.value, category: category.value })}>
        <Loaded resource={list} failure="Couldn't load mini-programs">
          {(found) =>
            found.apps.length ? (
              <div class="shell-list">
                {found.apps.map((app) => (
                  <AppRow app={app} />
                ))}
              </div>
            ) : (
              <Empty
                title={found.search ? `Nothing matches “${found.search}”` : 'No mini-programs here yet'}
                text={found.search ? 'Try another word, or look in all categories.' : 'Check back soon.'}
              />
            )
          }
        </Loaded>
      </Section>
    </TabPage>
  );
}

/** What the list shows, as its title says it: the filter its apps answer (not the one being typed). */
function listTitle(f: { search: string; category: string }): string {
  return f.search ? `Results for “${f.search}”` : f.category ? categoryLabel(f.category) : 'All mini-programs';
}

/** A friendly word for a category id (`food-drink` → `Food drink`). */
function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Other';
}

function AppRow({ app }: { app: AppSummary }) {
  return (
    <Link href={appPath(app.id)} class="shell-row shell-app-row" aria-label={`${app.name}: ${app.description}`}>
      <AppIcon app={app} />
      <span class="shell-row-text">
        <span class="shell-row-title">{app.name}</span>
        <span class="shell-row-sub">{app.description || categoryLabel(app.category)}</span>
      </span>
      <span class="shell-open-pill">Open</span>
    </Link>
  );
}
