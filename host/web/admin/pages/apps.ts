/** Every app on the platform, searched by id, name or merchant and filtered by state. */
import { el } from '../../../../sdk/view/chrome/index.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { appRowParts } from '../../desk/app-row.ts';
import { badge, empty, failure, filterChips, input, loading, pageHead } from '../../desk/ui.ts';
import { adminApi, type AppView } from '../api.ts';
import { adminPaths, type AdminRoute, type AppStatusFilter } from '../routes.ts';

const SEARCH_DELAY_MS = 250;
const FILTERS: { status: AppStatusFilter; text: string }[] = [
  { status: '', text: 'All' },
  { status: 'active', text: 'Active' },
  { status: 'suspended', text: 'Suspended' },
];

export function appsPage(ctx: DeskContext<AdminRoute>, filter: { search: string; status: AppStatusFilter }): Page {
  const { router } = ctx;
  let { search, status } = filter;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const box = input({ type: 'search', value: search, placeholder: 'Search by name, id or merchant', enterKeyHint: 'search' });
  box.classList.add('desk-search');
  box.setAttribute('aria-label', 'Search apps');
  box.addEventListener('input', () => changed(SEARCH_DELAY_MS));
  const list = el('div', 'desk-slot', loading());
  const chips = filterChips('State', FILTERS.map((f) => ({ value: f.status, text: f.text })), status, (s) => {
    status = s;
    changed(0);
  });
  const root = el('div', 'desk-page', pageHead('Apps', { sub: ['Every mini-program on Atrium.'] }), el('div', 'desk-toolbar', box, chips), list);
  void load();


  function changed(delay: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      search = box.value.trim();
      router.replaceAddress(adminPaths.apps({ search, status }));
      void load();
    }, delay);
  }

  async function load(): Promise<void> {
    const n = ++asked;
    let apps: AppView[];
    try {
      apps = await adminApi.apps({ search: search || undefined, status: status || undefined });
    } catch (e) {
      if (n !== asked) return;
      list.replaceChildren(failure("Couldn't load the apps", e, () => void load()));
      return ctx.failed(e);
    }
    if (n !== asked) return;
    if (!apps.length) return void list.replaceChildren(empty(search ? `Nothing matches “${search}”` : 'No apps', status ? `No ${status} apps${search ? ' match' : ''}.` : 'Apps appear here once merchants make them.'));
    const rows = el('div', 'desk-list', ...apps.map(row));
    rows.setAttribute('aria-label', 'Apps');
    list.replaceChildren(rows);
  }

  function row(app: AppView): HTMLElement {
    const more = app.licensed ? [badge('Licensed', 'blue')] : [];
    const a = router.link(adminPaths.app(app.id), 'desk-row', ...appRowParts(app, `${app.id} · ${app.category} · merchant ${app.merchantId}`, more));
    a.dataset.testid = `app-${app.id}`;
    return a;
  }

  return {
    el: root,
    title: 'Apps',
    unmount() {
      if (timer) clearTimeout(timer);
      asked++;
    },
  };
}
