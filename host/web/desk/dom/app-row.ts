import { el } from '../../../../sdk/view/chrome/index.ts';
import type { AppView } from '../../../modules/apps/browser.ts';
import { appIcon } from '../../common/icon.ts';
import { appLabel } from '../status.ts';
import { badge } from './ui.ts';

/**
 * What a row of an apps list shows, in both consoles: icon, name, `sub`, a suspension's reason,
 * and where the app stands (live version, gray share, version in review, and `more`).
 */
export function appRowParts(app: AppView, sub: string, more: HTMLElement[] = []): HTMLElement[] {
  const label = appLabel(app);
  return [
    appIcon(app, 'medium'),
    el(
      'span',
      'desk-row-text',
      el('span', 'desk-row-title', app.name),
      el('span', 'desk-row-sub', sub),
      ...(app.status === 'suspended' ? [el('span', 'desk-row-alert', `Suspended: ${app.suspendedReason ?? 'no reason given'}`)] : []),
    ),
    el(
      'span',
      'desk-row-states',
      badge(label.text, label.tone),
      ...(app.release ? [el('span', 'desk-row-fact', `v${app.release.version}`)] : []),
      ...(app.release?.gray ? [badge(`${app.release.gray.version} at ${app.release.gray.percent}%`, 'blue')] : []),
      ...(app.inReview ? [badge(`${app.inReview} in review`, 'orange')] : []),
      ...more,
    ),
  ];
}
