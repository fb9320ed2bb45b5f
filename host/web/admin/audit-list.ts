/** Audit entries, newest first: when, who, what, on which app and version, and why. */
import { el } from '../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../common/format.ts';
import type { Router } from '../common/history.ts';
import { describeAudit } from '../desk/status.ts';
import type { AuditRow } from './api.ts';
import { adminPaths } from './routes.ts';

const KIND = { merchant: 'merchant', admin: 'admin', system: 'Atrium' } as const;

export function auditRows(router: Router<unknown>, entries: AuditRow[], o: { showApp: boolean }): HTMLElement[] {
  return entries.map((e) => {
    const who = e.actorKind === 'system' ? 'Atrium' : `${e.actorName ?? e.actorId} (${KIND[e.actorKind]})`;
    const when = el('time', 'desk-audit-when', formatDateTime(e.at));
    when.dateTime = e.at;
    const item = el(
      'li',
      `desk-audit desk-audit-${e.action.replace('.', '-')}`,
      when,
      el(
        'div',
        'desk-audit-body',
        el('div', 'desk-audit-what', el('strong', '', describeAudit(e)), ...(o.showApp ? [' · ', router.link(adminPaths.app(e.appId), '', e.appId)] : [])),
        el('div', 'desk-audit-who', `by ${who}`),
        ...(e.reason ? [el('div', 'desk-audit-reason', `“${e.reason}”`)] : []),
      ),
    );
    item.dataset.action = e.action;
    return item;
  });
}
