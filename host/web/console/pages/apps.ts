/**
 * Your apps: each with its icon, state (suspended with the reason), the version users get, a gray
 * release under way and the version in review.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { appRowParts } from '../../desk/dom/app-row.ts';
import { empty, failure, loading, pageHead } from '../../desk/dom/ui.ts';
import { merchantApi, type AppView } from '../api.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';

export function appsPage(ctx: DeskContext<ConsoleRoute>): Page {
  const { router } = ctx;
  const list = el('div', 'desk-slot', loading());
  const root = el(
    'div',
    'desk-page',
    pageHead('Your apps', { sub: ['Mini-programs you publish on Atrium.'], actions: [router.link(consolePaths.new, 'shell-primary shell-button-link desk-inline-button', 'New app')] }),
    list,
  );
  let alive = true;
  void load();

  async function load(): Promise<void> {
    let apps: AppView[];
    try {
      apps = await merchantApi.apps();
    } catch (e) {
      if (!alive) return;
      list.replaceChildren(failure("Couldn't load your apps", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    if (!apps.length) {
      list.replaceChildren(empty('No apps yet', 'Create an app to get its id and secret, then submit its first version with the atrium CLI.', router.link(consolePaths.new, 'shell-primary shell-button-link desk-inline-button', 'Create your first app')));
      return;
    }
    const rows = el('div', 'desk-list', ...apps.map(row));
    rows.setAttribute('aria-label', 'Apps');
    list.replaceChildren(rows);
  }

  function row(app: AppView): HTMLElement {
    const a = router.link(consolePaths.app(app.id), 'desk-row', ...appRowParts(app, `${app.id} · ${app.category}`));
    a.dataset.testid = `app-${app.id}`;
    return a;
  }

  return {
    el: root,
    title: 'Your apps',
    unmount() {
      alive = false;
    },
  };
}
