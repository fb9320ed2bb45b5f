/** @jsxImportSource preact */
/**
 * The audit log, newest first: filter by action and app, and page back with "Older" (entries
 * before the oldest one shown).
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { actionName, auditActions } from '../../desk/status.ts';
import { PageHead } from '../../desk/ui.tsx';
import { Empty, PagedList, Select, usePager, useSite, useTitle } from '../../kit/index.ts';
import type { AuditRow } from '../api.ts';
import { AuditEntry } from '../audit-list.tsx';
import { adminPaths } from '../routes.ts';

const PAGE = 50;
const ACTIONS = [{ value: '', text: 'Every action' }, ...auditActions.map((a) => ({ value: a, text: actionName(a) }))];

export function AuditPage({ filter }: { filter: { action: string; appId: string } }) {
  useTitle('Audit log');
  const { router } = useSite();
  const app = useSignal(filter.appId);
  // An action the log does not know (a mistyped address) filters nothing.
  const action = auditActions.find((a) => a === filter.action);
  const log = usePager<AuditRow, string>(
    async (before, signal) => {
      const query = { action, appId: filter.appId || undefined, before: before ?? undefined, limit: PAGE };
      const { entries } = await must(api.GET('/api/admin/audit', { params: { query }, signal }));
      return { items: entries, next: entries.length === PAGE ? entries.at(-1)!.id : null };
    },
    (e) => e.id,
    [],
  );
  const apply = (next: { action?: string; appId?: string }) => router.navigate(adminPaths.audit({ action: action ?? '', appId: app.value.trim(), ...next }), { replace: true });

  return (
    <div class="desk-page">
      <PageHead title="Audit log" sub={['Who did what to which app, when and why. Newest first.']} />
      <form
        class="desk-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          apply({});
        }}
      >
        <Select options={ACTIONS} aria-label="Action" value={action ?? ''} onChange={(e) => apply({ action: e.currentTarget.value })} />
        <input class="shell-field-input desk-search" type="search" aria-label="App id" placeholder="App id" spellcheck={false} value={app} onInput={(e) => (app.value = e.currentTarget.value)} onChange={() => apply({})} />
      </form>
      <div class="desk-slot">
        <PagedList
          pager={log}
          as="ol"
          class="desk-audit-list"
          failure="Couldn't load the audit log"
          end="The beginning of the log."
          empty={<Empty title="Nothing recorded" text={action || filter.appId ? 'No entries match these filters.' : 'Decisions about apps appear here.'} />}
        >
          {(entry) => <AuditEntry entry={entry} showApp />}
        </PagedList>
      </div>
    </div>
  );
}
