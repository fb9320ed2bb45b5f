/**
 * The release controls of an app: who gets which version now, then what can be done next:
 * release an approved version to everyone or to a share of users, grow or call off a gray
 * release, roll everyone back to an earlier version, take a version back out of review. Each
 * asks first, then the page reloads.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { formatDuration } from '../common/format.ts';
import type { DeskContext } from '../desk/dom/context.ts';
import { releaseLine } from '../desk/status.ts';
import { note, panel, select } from '../desk/dom/ui.ts';
import { merchantApi, type AppView, type VersionView } from './api.ts';
import { releaseChoices, rollbackTargets } from './release.ts';

export function releasePanel(ctx: DeskContext<unknown>, app: AppView, versions: VersionView[], reload: () => Promise<void>): HTMLElement {
  const parts: Node[] = [el('p', 'desk-release-line', releaseLine(app.release))];
  const gray = app.release?.gray;
  if (gray) {
    const fill = el('span', 'desk-meter-fill');
    fill.style.width = `${gray.percent}%`;
    const meter = el('span', 'desk-meter', fill);
    meter.setAttribute('role', 'img');
    meter.setAttribute('aria-label', `${gray.version} reaches ${gray.percent}% of users`);
    parts.push(meter);
  }
  if (app.status === 'suspended') parts.push(note('Releases wait until Atrium reinstates the app.'));

  for (const v of versions) {
    const c = releaseChoices(app, versions, v);
    if (c.callOff || c.full) parts.push(releaseRow(v, c.gray, c.callOff));
    if (c.withdraw) {
      parts.push(
        el(
          'div',
          'desk-action-row',
          el('div', 'desk-action-text', el('strong', '', `${v.version} is in review`), el('span', 'desk-muted', `waiting ${formatDuration((Date.now() - Date.parse(v.submittedAt)) / 1000)}`)),
          button('desk-button', () => confirm(`Withdraw ${v.version} from review?`, 'It will not be reviewed. Submit a new version when it is ready.', 'Withdraw', () => merchantApi.withdraw(app.id, v.version)), 'Withdraw from review'),
        ),
      );
    }
  }

  const earlier = rollbackTargets(app, versions);
  if (earlier.length) {
    const pick = select(earlier.map((v) => ({ value: v.version, text: v.version })), { name: 'rollback' });
    pick.setAttribute('aria-label', 'Version to roll back to');
    parts.push(
      el(
        'div',
        'desk-action-row',
        el('div', 'desk-action-text', el('strong', '', 'Roll back'), el('span', 'desk-muted', 'Everyone goes back to an earlier version they had.')),
        el('div', 'desk-action-buttons', pick, button('desk-button desk-button-danger', () => confirm(`Roll everyone back to ${pick.value}?`, 'Users get it the next time they open the app.', 'Roll back', () => merchantApi.rollback(app.id, pick.value)), 'Roll back')),
      ),
    );
  }
  if (parts.length === 1 && app.status === 'active') parts.push(note(app.inReview ? 'The version in review can be released once it is approved.' : 'Submit a new version with the atrium CLI; once approved, release it here.'));
  return panel('Release', ...parts);

  /** Release to everyone or to a share; for the gray version, grow it or call it off. */
  function releaseRow(v: VersionView, shares: number[], isGray: boolean): HTMLElement {
    const text = isGray ? `${v.version} is out to ${v.grayPercent}% of users` : `${v.version} is approved`;
    const hint = isGray ? 'A gray release only grows: widen it, release it to everyone, or call it off.' : app.release ? 'Release it to a share of users first, or to everyone.' : "An app's first release goes to everyone.";
    const buttons = shares.map((p) => {
      const b = button('desk-chip-button', () => confirm(`Release ${v.version} to ${p}% of users?`, 'The same users keep getting it as the share grows. Open sessions keep their version until reopened.', 'Release', () => merchantApi.release(app.id, v.version, p)), `${p}%`);
      b.setAttribute('aria-label', `Release ${v.version} to ${p}% of users`);
      return b;
    });
    const everyone = button('shell-primary desk-inline-button', () => confirm(`Release ${v.version} to everyone?`, 'Everyone gets it the next time they open the app.', 'Release', () => merchantApi.release(app.id, v.version)), 'Release to everyone');
    everyone.setAttribute('aria-label', `Release ${v.version} to everyone`);
    const callOff = isGray ? [button('desk-button desk-button-danger', () => confirm(`Call off the gray release of ${v.version}?`, `Its users go back to ${app.release?.version}.`, 'Call off', () => merchantApi.rollback(app.id)), 'Call off gray release')] : [];
    const row = el(
      'div',
      'desk-action-row',
      el('div', 'desk-action-text', el('strong', '', text), el('span', 'desk-muted', hint)),
      el('div', 'desk-action-buttons', ...(buttons.length ? [el('span', 'desk-muted', isGray ? 'Grow to' : 'Gray')] : []), ...buttons, everyone, ...callOff),
    );
    row.dataset.testid = `release-${v.version}`;
    return row;
  }

  function confirm(title: string, content: string, confirmText: string, action: () => Promise<unknown>): void {
    const d = ctx.ui.dialog({ kind: 'modal', title, content, confirmText });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await action();
      } catch (e) {
        return ctx.failed(e);
      }
      ctx.ui.toast({ title: 'Done', icon: 'success', durationMs: 1500 });
      await reload();
    });
  }
}
