/**
 * The audit log, newest first: filter by action and app, and page back with "Older" (entries
 * before the oldest one shown).
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { actionName, auditActions } from '../../desk/status.ts';
import { actionButton, empty, failure, input, loading, pageHead, select } from '../../desk/ui.ts';
import { adminApi, type AuditRow } from '../api.ts';
import { auditRows } from '../audit-list.ts';
import { adminPaths, type AdminRoute } from '../routes.ts';

const PAGE = 50;

export function auditPage(ctx: DeskContext<AdminRoute>, filter: { action: string; appId: string }): Page {
  const { router } = ctx;
  const action = select([{ value: '', text: 'Every action' }, ...auditActions.map((a) => ({ value: a, text: actionName(a) }))], { value: filter.action });
  action.value = filter.action;
  action.setAttribute('aria-label', 'Action');
  const app = input({ type: 'search', value: filter.appId, placeholder: 'App id', spellcheck: false });
  app.classList.add('desk-search');
  app.setAttribute('aria-label', 'App id');
  const apply = () => router.navigate(adminPaths.audit({ action: action.value, appId: app.value.trim() }), { replace: true });
  action.addEventListener('change', apply);
  app.addEventListener('change', apply);
  const toolbar = el('form', 'desk-toolbar', action, app);
  toolbar.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });

  const list = el('ol', 'desk-audit-list');
  const more = el('div', 'desk-slot');
  const body = el('div', 'desk-slot', loading());
  const root = el('div', 'desk-page', pageHead('Audit log', { sub: ['Who did what to which app, when and why. Newest first.'] }), toolbar, body);
  let oldest: string | null = null;
  let alive = true;
  void load();

  async function load(): Promise<void> {
    let entries: AuditRow[];
    try {
      entries = await adminApi.audit({ action: filter.action || undefined, appId: filter.appId || undefined, before: oldest ?? undefined, limit: PAGE });
    } catch (e) {
      if (!alive) return;
      if (oldest === null) body.replaceChildren(failure("Couldn't load the audit log", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    if (oldest === null && !entries.length) return void body.replaceChildren(empty('Nothing recorded', filter.action || filter.appId ? 'No entries match these filters.' : 'Decisions about apps appear here.'));
    if (oldest === null) body.replaceChildren(list, more);
    list.append(...auditRows(router, entries, { showApp: true }));
    oldest = entries.at(-1)?.id ?? oldest;
    more.replaceChildren(...(entries.length === PAGE ? [actionButton('desk-button desk-more-button', 'Older', load)] : [el('p', 'desk-note desk-end', 'The beginning of the log.')]));
  }

  return {
    el: root,
    title: 'Audit log',
    unmount() {
      alive = false;
    },
  };
}
