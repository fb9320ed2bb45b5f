/**
 * Discover: the directory of released mini-programs, with search, category chips and the ones this
 * user opened recently.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { api, type AppSummary } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { categoryLabel, homeFrame, section, skeletonRows } from '../home.ts';
import { appIcon, initial } from '../../common/icon.ts';
import { recentApps } from '../recent.ts';
import { appPath } from '../router.ts';

const SEARCH_DELAY_MS = 250;

export function directoryPage(ctx: ShellContext, filter: { search: string; category: string }): Page {
  const { router } = ctx;
  const frame = homeFrame(router, 'discover');
  let search = filter.search;
  let category = filter.category;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Uploaded icons of the apps listed so far, for the recently used tiles. */
  const icons = new Map<string, string | null>();

  // Header: the title, who is signed in, and the search bar.
  const who = ctx.account
    ? router.link('/me', 'shell-avatar shell-avatar-small', initial(ctx.account.displayName))
    : router.link('/login', 'shell-header-action', 'Sign in');
  if (ctx.account) who.setAttribute('aria-label', 'Me');
  const input = el('input', 'shell-search-input');
  input.type = 'search';
  input.placeholder = 'Search mini-programs';
  input.value = search;
  input.enterKeyHint = 'search';
  input.setAttribute('aria-label', 'Search mini-programs');
  const form = el('form', 'shell-search', el('span', 'shell-search-icon'), input);
  form.setAttribute('role', 'search');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    input.blur();
    changed(0);
  });
  input.addEventListener('input', () => changed(SEARCH_DELAY_MS));
  frame.header.append(el('div', 'shell-header-row', el('h1', 'shell-header-title', 'Discover'), who), form);

  const recent = el('div', 'shell-recent-slot');
  const chips = el('div', 'shell-chips');
  chips.setAttribute('role', 'tablist');
  chips.setAttribute('aria-label', 'Categories');
  const listTitle = el('h2', 'shell-section-title');
  const list = el('div', 'shell-list-slot', skeletonRows(3));
  frame.body.append(recent, chips, el('section', 'shell-section', listTitle, list));

  drawRecent();
  drawChips([]);
  void api.categories().then(drawChips, () => {});
  void load();

  function drawRecent(): void {
    const apps = ctx.account ? recentApps(ctx.account.id) : [];
    if (!apps.length) return recent.replaceChildren();
    recent.replaceChildren(
      section('Recently used', el('div', 'shell-recent', ...apps.map((a) => router.link(appPath(a.id), 'shell-tile', appIcon({ ...a, iconUrl: icons.get(a.id) }, 'large'), el('span', 'shell-tile-name', a.name))))),
    );
  }

  function drawChips(categories: string[]): void {
    const all = ['', ...categories];
    if (category && !all.includes(category)) all.push(category);
    chips.replaceChildren(
      ...all.map((c) => {
        const chip = button(`shell-chip${c === category ? ' shell-chip-active' : ''}`, () => {
          category = c === category ? '' : c;
          drawChips(categories);
          changed(0);
        }, c ? categoryLabel(c) : 'All');
        chip.setAttribute('role', 'tab');
        chip.setAttribute('aria-selected', String(c === category));
        return chip;
      }),
    );
  }

  function changed(delay: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      search = input.value.trim();
      // The address keeps the filter, so a reload or a shared link shows the same list.
      const q = new URLSearchParams();
      if (search) q.set('q', search);
      if (category) q.set('category', category);
      const qs = q.toString();
      router.replaceAddress(qs ? `/?${qs}` : '/');
      void load();
    }, delay);
  }

  async function load(): Promise<void> {
    const n = ++asked;
    listTitle.textContent = search ? `Results for “${search}”` : category ? categoryLabel(category) : 'All mini-programs';
    let apps: AppSummary[];
    try {
      apps = await api.apps({ search, category });
    } catch (e) {
      if (n !== asked) return;
      const retry = button('shell-link-button', () => void load(), 'Try again');
      list.replaceChildren(el('div', 'shell-empty', el('div', 'shell-empty-title', "Couldn't load mini-programs"), el('div', 'shell-empty-text', (e as Error).message), retry));
      return;
    }
    // An older answer arriving after a newer one must not replace it.
    if (n !== asked) return;
    const iconsBefore = icons.size;
    for (const a of apps) if (a.iconUrl) icons.set(a.id, a.iconUrl);
    if (icons.size !== iconsBefore) drawRecent();
    if (!apps.length) {
      list.replaceChildren(
        el('div', 'shell-empty', el('div', 'shell-empty-icon'), el('div', 'shell-empty-title', search ? `Nothing matches “${search}”` : 'No mini-programs here yet'), el('div', 'shell-empty-text', search ? 'Try another word, or look in all categories.' : 'Check back soon.')),
      );
      return;
    }
    list.replaceChildren(el('div', 'shell-list', ...apps.map(row)));
  }

  function row(app: AppSummary): HTMLElement {
    const link = router.link(
      appPath(app.id),
      'shell-row shell-app-row',
      appIcon(app),
      el('span', 'shell-row-text', el('span', 'shell-row-title', app.name), el('span', 'shell-row-sub', app.description || categoryLabel(app.category))),
      el('span', 'shell-open-pill', 'Open'),
    );
    link.setAttribute('aria-label', `${app.name}: ${app.description}`);
    return link;
  }

  return {
    el: frame.root,
    title: 'Discover · Atrium',
    unmount() {
      if (timer) clearTimeout(timer);
      asked++;
    },
  };
}
