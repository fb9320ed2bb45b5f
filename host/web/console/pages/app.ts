/**
 * One app: its state (a suspension with Atrium's reason), the release controls, every version
 * newest first with its checks, changes and review, the app's facts, its secret, and how to submit
 * a version with the CLI.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { ApiError } from '../../common/http.ts';
import { appIcon } from '../../common/icon.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { appLabel } from '../../desk/status.ts';
import { badge, commands, copyable, empty, facts, failure, loading, mono, note, pageHead, panel } from '../../desk/dom/ui.ts';
import { versionCard } from '../../desk/dom/versions.ts';
import { merchantApi, type AppView, type VersionView } from '../api.ts';
import { releasePanel } from '../release-panel.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';
import { secretReveal } from '../secret.ts';

export function appPage(ctx: DeskContext<ConsoleRoute>, appId: string): Page {
  const { router, ui } = ctx;
  const back = () => router.link(consolePaths.apps, 'desk-back', 'Your apps');
  const root = el('div', 'desk-page', pageHead(appId, { back: back() }), loading());
  let alive = true;
  /** Versions the merchant opened or closed, kept across reloads. */
  const opened = new Map<string, boolean>();
  void load();

  async function load(): Promise<void> {
    let app: AppView;
    let versions: VersionView[];
    try {
      ({ app, versions } = await merchantApi.app(appId));
    } catch (e) {
      if (!alive) return;
      if (e instanceof ApiError && e.status === 404) return void root.replaceChildren(empty('No such app', 'It is not one of your apps.', router.link(consolePaths.apps, 'shell-primary shell-button-link desk-inline-button', 'Your apps')));
      root.replaceChildren(pageHead(appId, { back: back() }), failure("Couldn't load the app", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    document.title = `${app.name} · Merchant console`;
    draw(app, versions);
  }

  function draw(app: AppView, versions: VersionView[]): void {
    const label = appLabel(app);
    const head = pageHead(app.name, { back: back(), lead: appIcon(app, 'large'), sub: [badge(label.text, label.tone), mono(app.id), app.category] });
    const banner =
      app.status === 'suspended'
        ? [
            el(
              'div',
              'desk-banner desk-banner-danger',
              el('strong', '', 'Suspended by Atrium'),
              el('span', 'desk-banner-reason', app.suspendedReason ?? 'No reason given.'),
              el('span', '', "Users can't open it and its live sessions were ended. You can release again once Atrium reinstates it."),
            ),
          ]
        : [];
    if (banner[0]) banner[0].setAttribute('role', 'alert');
    const cards = versions.map((v, i) => {
      const card = versionCard(v, { open: opened.get(v.id) ?? (i === 0 || v.status === 'in_review' || v.live === 'gray') });
      card.addEventListener('toggle', () => opened.set(v.id, card.open));
      return card;
    });
    const main = el(
      'div',
      'desk-column',
      releasePanel(ctx, app, versions, load),
      panel('Versions', ...(cards.length ? [note('Newest first. Open one for its release notes, checks, changes and review.'), el('div', 'desk-versions', ...cards)] : [note('No versions yet. Submit the first one with the atrium CLI (see the right).')])),
    );
    const side = el('div', 'desk-column desk-column-side', aboutPanel(app), secretPanel(app), cliPanel(app));
    root.replaceChildren(head, ...banner, el('div', 'desk-columns', main, side));
  }

  function aboutPanel(app: AppView): HTMLElement {
    return panel(
      'About',
      facts([
        ['App id', copyable(app.id, 'app id')],
        ['Category', app.category],
        ['Restricted-category licence', app.licensed ? 'Granted' : 'Not granted'],
        ['Created', formatDateTime(app.createdAt)],
        ...(app.release ? ([['Released', formatDateTime(app.release.releasedAt)]] as [string, string][]) : []),
      ]),
      ...(app.description ? [el('p', 'desk-notes', app.description)] : []),
    );
  }

  function secretPanel(app: AppView): HTMLElement {
    const slot = el('div', 'desk-slot');
    const rotate = button('desk-button desk-button-danger', () => {
      const d = ui.dialog({ kind: 'modal', title: 'Rotate the app secret?', content: 'A new secret is made and the current one stops working at once: update your server straight after.', confirmText: 'Rotate' });
      void d.answer.then(async (yes) => {
        if (!yes) return;
        rotate.disabled = true;
        try {
          slot.replaceChildren(secretReveal(await merchantApi.rotateSecret(app.id), 'Your new app secret'));
        } catch (e) {
          ctx.failed(e);
        } finally {
          rotate.disabled = false;
        }
      });
    }, 'Rotate secret');
    return panel('App secret', note('Your server uses it to exchange login codes and check webhook signatures. Atrium showed it once, when the app was made; if it is lost or leaked, make a new one.'), slot, el('div', 'desk-form-actions', rotate));
  }

  function cliPanel(app: AppView): HTMLElement {
    return panel(
      'Submit a version',
      note('Build and submit from your program’s folder with the atrium CLI. The automated checks run at once; then it waits for review and shows up here.'),
      commands(['npx atrium login', `npx atrium submit --app ${app.id}`]),
      note('Sign the CLI in with this merchant account. Give each version a new number in atrium.json.'),
    );
  }

  return {
    el: root,
    title: appId,
    unmount() {
      alive = false;
    },
  };
}
