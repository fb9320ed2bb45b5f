/**
 * One version under review, with everything a reviewer needs on one screen: the app and its
 * merchant, release notes, the automated checks and their findings, the changes, the manifest and
 * the scopes with their reasons, size and waiting time; then the decision.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatBytes, formatDateTime, formatDuration } from '../../common/format.ts';
import { ApiError } from '../../common/http.ts';
import { appIcon } from '../../common/icon.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { appLabel, releaseLine, versionLabel } from '../../desk/status.ts';
import { badge, empty, facts, failure, loading, mono, note, pageHead, panel } from '../../desk/ui.ts';
import { checksList, diffView, reasonsList } from '../../desk/versions.ts';
import { adminApi, type ReviewEntry } from '../api.ts';
import { decisionPanel } from '../decision.ts';
import { manifestView, scopesView } from '../manifest.ts';
import { adminPaths, type AdminRoute } from '../routes.ts';

export function reviewPage(ctx: DeskContext<AdminRoute>, versionId: string): Page {
  const { router } = ctx;
  const back = () => router.link(adminPaths.queue, 'desk-back', 'Review queue');
  const root = el('div', 'desk-page', pageHead('Review', { back: back() }), loading());
  let alive = true;
  void load();

  async function load(): Promise<void> {
    let item: ReviewEntry;
    try {
      item = await adminApi.item(versionId);
    } catch (e) {
      if (!alive) return;
      if (e instanceof ApiError && e.status === 404) return void root.replaceChildren(empty('No such version', 'It may have been taken out of review.', router.link(adminPaths.queue, 'shell-primary shell-button-link desk-inline-button', 'Review queue')));
      root.replaceChildren(pageHead('Review', { back: back() }), failure("Couldn't load the version", e, () => void load()));
      return ctx.failed(e);
    }
    if (alive) draw(item);
  }

  function decided(item: ReviewEntry): void {
    ctx.ui.toast({ title: item.version.status === 'approved' ? 'Approved' : 'Rejected', icon: 'success', durationMs: 1500 });
    draw(item);
  }

  function draw(item: ReviewEntry): void {
    const { app, version: v, merchant } = item;
    document.title = `${app.name} ${v.version} · Admin console`;
    const label = versionLabel(v);
    const waiting = v.status === 'in_review' ? `waiting ${formatDuration(item.waitingSeconds)}` : v.reviewSeconds !== null ? `decided after ${formatDuration(v.reviewSeconds)}` : '';
    const head = pageHead(`${app.name} ${v.version}`, { back: back(), lead: appIcon(app, 'large'), sub: [badge(label.text, label.tone), mono(app.id), `submitted ${formatDateTime(v.submittedAt)}`, ...(waiting ? [el('strong', '', waiting)] : [])] });
    const outcome = v.status === 'in_review' ? [] : [decidedBanner(item)];
    const main = el(
      'div',
      'desk-column',
      panel('Release notes', v.releaseNotes ? el('p', 'desk-notes', v.releaseNotes) : note('No release notes.')),
      panel('Automated checks', checksList(v.checks)),
      panel('Changes', diffView(v.diff)),
      panel('Scopes', scopesView(item)),
      panel('Manifest', manifestView(item)),
    );
    const appState = appLabel(app);
    const side = el(
      'div',
      'desk-column desk-column-side',
      ...(v.status === 'in_review' ? [decisionPanel(ctx, item, decided)] : []),
      panel(
        'App',
        facts([
          ['Name', router.link(adminPaths.app(app.id), '', app.name)],
          ['State', badge(appState.text, appState.tone)],
          ['Category', app.category],
          ['Licence', app.licensed ? 'Restricted-category licence granted' : 'None'],
          ['Users get', releaseLine(app.release)],
        ]),
      ),
      panel('Merchant', facts([['Name', merchant.displayName ?? '—'], ['Email', merchant.email ?? '—'], ['Account', mono(merchant.id)]])),
      panel('Version', facts(versionRows(item))),
    );
    root.replaceChildren(head, ...outcome, el('div', 'desk-columns', main, side));
  }

  function versionRows({ version: v, waitingSeconds }: ReviewEntry): [string, string][] {
    const rows: [string, string][] = [['Size', formatBytes(v.sizeBytes)], ['Submitted', formatDateTime(v.submittedAt)]];
    if (v.status === 'in_review') rows.push(['Waiting', formatDuration(waitingSeconds)]);
    else if (v.reviewSeconds !== null) rows.push(['Reviewed after', formatDuration(v.reviewSeconds)]);
    return rows;
  }

  function decidedBanner(item: ReviewEntry): HTMLElement {
    const v = item.version;
    const rejected = v.status === 'rejected';
    const text = rejected ? 'Rejected' : v.status === 'approved' ? 'Approved' : 'Withdrawn by the merchant';
    const when = v.decidedAt ? ` on ${formatDateTime(v.decidedAt)}` : '';
    const b = el(
      'div',
      `desk-banner ${rejected ? 'desk-banner-danger' : 'desk-banner-ok'}`,
      el('strong', '', `${text}${when}`),
      ...(rejected && v.reasons.length ? [reasonsList(v.reasons)] : []),
      router.link(adminPaths.queue, '', 'Back to the queue'),
    );
    b.setAttribute('role', 'status');
    b.dataset.testid = 'decided';
    return b;
  }

  return {
    el: root,
    title: 'Review',
    unmount() {
      alive = false;
    },
  };
}
