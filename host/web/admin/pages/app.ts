/** An app's whole story for an admin: its state, merchant, every version and the audit entries. */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { ApiError } from '../../common/http.ts';
import { appIcon } from '../../common/icon.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { appLabel, releaseLine } from '../../desk/status.ts';
import { badge, empty, facts, failure, loading, mono, note, pageHead, panel } from '../../desk/ui.ts';
import { versionCard } from '../../desk/versions.ts';
import { adminApi, type AppHistory } from '../api.ts';
import { auditRows } from '../audit-list.ts';
import { moderationPanel } from '../moderation.ts';
import { adminPaths, type AdminRoute } from '../routes.ts';

export function appPage(ctx: DeskContext<AdminRoute>, appId: string): Page {
  const { router } = ctx;
  const back = () => router.link(adminPaths.apps(), 'desk-back', 'Apps');
  const root = el('div', 'desk-page', pageHead(appId, { back: back() }), loading());
  let alive = true;
  void load();

  async function load(): Promise<void> {
    let h: AppHistory;
    try {
      h = await adminApi.app(appId);
    } catch (e) {
      if (!alive) return;
      if (e instanceof ApiError && e.status === 404) return void root.replaceChildren(empty('No such app', `Atrium has no app “${appId}”.`, router.link(adminPaths.apps(), 'shell-primary shell-button-link desk-inline-button', 'All apps')));
      root.replaceChildren(pageHead(appId, { back: back() }), failure("Couldn't load the app", e, () => void load()));
      return ctx.failed(e);
    }
    if (alive) draw(h);
  }

  function draw({ app, merchant, versions, audit }: AppHistory): void {
    document.title = `${app.name} · Admin console`;
    const label = appLabel(app);
    const head = pageHead(app.name, { back: back(), lead: appIcon(app, 'large'), sub: [badge(label.text, label.tone), mono(app.id), app.category] });
    const banner = app.status === 'suspended' ? [el('div', 'desk-banner desk-banner-danger', el('strong', '', 'Suspended'), el('span', 'desk-banner-reason', app.suspendedReason ?? 'No reason given.'))] : [];
    const cards = versions.map((v, i) =>
      versionCard(v, { open: i === 0, actions: v.status === 'in_review' ? [router.link(adminPaths.review(v.id), 'shell-primary shell-button-link desk-inline-button', `Review ${v.version}`)] : [] }),
    );
    const entries = el('ol', 'desk-audit-list', ...auditRows(router, audit, { showApp: false }));
    const main = el(
      'div',
      'desk-column',
      panel('Versions', ...(cards.length ? [el('div', 'desk-versions', ...cards)] : [note('No versions yet.')])),
      panel('History', ...(audit.length ? [entries, router.link(adminPaths.audit({ appId: app.id }), 'desk-more', 'In the audit log')] : [note('Nothing recorded yet.')])),
    );
    const side = el(
      'div',
      'desk-column desk-column-side',
      moderationPanel(ctx, app, load),
      panel(
        'About',
        facts([
          ['Users get', releaseLine(app.release)],
          ['In review', app.inReview ?? 'nothing'],
          ['Created', formatDateTime(app.createdAt)],
          ['Description', app.description || '—'],
        ]),
      ),
      panel('Merchant', facts([['Name', merchant.displayName ?? '—'], ['Email', merchant.email ?? '—'], ['Account', mono(merchant.id)]])),
    );
    root.replaceChildren(head, ...banner, el('div', 'desk-columns', main, side));
  }

  return {
    el: root,
    title: appId,
    unmount() {
      alive = false;
    },
  };
}
