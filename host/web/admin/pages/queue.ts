/** The review queue: versions waiting for a decision, the longest waiting first. */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatBytes, formatDuration, plural } from '../../common/format.ts';
import { appIcon } from '../../common/icon.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { badge, empty, failure, loading, pageHead } from '../../desk/ui.ts';
import { adminApi, type ReviewEntry } from '../api.ts';
import { adminPaths, type AdminRoute } from '../routes.ts';

/** Waiting longer than this is shown in orange. */
const LONG_WAIT_S = 24 * 3600;

export function queuePage(ctx: DeskContext<AdminRoute>): Page {
  const { router } = ctx;
  const count = el('span', '');
  const list = el('div', 'desk-slot', loading());
  const root = el('div', 'desk-page', pageHead('Review queue', { sub: [count] }), list);
  let alive = true;
  void load();

  async function load(): Promise<void> {
    let items: ReviewEntry[];
    try {
      items = await adminApi.queue();
    } catch (e) {
      if (!alive) return;
      list.replaceChildren(failure("Couldn't load the queue", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    count.textContent = items.length ? `${plural(items.length, 'version')} waiting, the longest waiting first.` : '';
    if (!items.length) return void list.replaceChildren(empty('Nothing to review', 'Every submitted version has a decision. New ones appear here, the longest waiting first.'));
    const rows = el('div', 'desk-list', ...items.map(row));
    rows.setAttribute('aria-label', 'Versions waiting for review');
    list.replaceChildren(rows);
  }

  function row(item: ReviewEntry): HTMLElement {
    const warnings = item.version.checks.reduce((n, c) => n + c.findings.filter((f) => f.severity === 'warning').length, 0);
    const a = router.link(
      adminPaths.review(item.version.id),
      'desk-row',
      appIcon(item.app, 'medium'),
      el(
        'span',
        'desk-row-text',
        el('span', 'desk-row-title', `${item.app.name} ${item.version.version}`),
        el('span', 'desk-row-sub', `${item.merchant.email ?? item.merchant.id} · ${item.app.category} · ${formatBytes(item.version.sizeBytes)} · ${item.scopes.length ? item.scopes.map((s) => s.scope).join(', ') : 'no scopes'}`),
      ),
      el(
        'span',
        'desk-row-states',
        ...(warnings ? [badge(plural(warnings, 'warning'), 'orange')] : []),
        ...(item.version.diff?.against ? [] : [badge('First version', 'blue')]),
        badge(`waiting ${formatDuration(item.waitingSeconds)}`, item.waitingSeconds > LONG_WAIT_S ? 'orange' : 'grey'),
      ),
    );
    a.dataset.testid = `review-${item.app.id}-${item.version.version}`;
    return a;
  }

  return {
    el: root,
    title: 'Review queue',
    unmount() {
      alive = false;
    },
  };
}
