/** @jsxImportSource preact */
/** Me › Authorizations: what each mini-program asked to use and what the user decided, with revoke. */
import { useSignal } from '@preact/signals';
import { scopes, type Scope } from '../../../../sdk/contract/define.ts';
import { api, must } from '../../api/client.ts';
import { AppIcon, Loaded, useResource, useSite } from '../../kit/index.ts';
import { appNames } from '../api.ts';
import { Quiet } from '../ui.tsx';

type Decision = Awaited<ReturnType<typeof loadDecisions>>['byApp'][number]['decisions'][number];

async function loadDecisions(accountId: string, signal: AbortSignal) {
  const [{ authorizations }, names] = await Promise.all([must(api.GET('/api/me/authorizations', { signal })), appNames(accountId, signal)]);
  const byApp = new Map<string, typeof authorizations>();
  for (const a of authorizations) byApp.set(a.appId, [...(byApp.get(a.appId) ?? []), a]);
  return { byApp: [...byApp].map(([appId, decisions]) => ({ app: names.get(appId) ?? { id: appId, name: appId }, decisions })) };
}

export function Authorizations({ accountId }: { accountId: string }) {
  const list = useResource((signal) => loadDecisions(accountId, signal), [accountId]);
  return (
    <Loaded resource={list} failure="Couldn't load your authorizations">
      {({ byApp }) =>
        byApp.length ? (
          byApp.map(({ app, decisions }) => (
            <div class="shell-list shell-auth-app">
              <div class="shell-auth-head">
                <AppIcon app={app} size="small" />
                <span class="shell-row-title">{app.name}</span>
              </div>
              {decisions.map((d) => (
                <DecisionRow decision={d} appName={app.name} revoked={list.reload} />
              ))}
            </div>
          ))
        ) : (
          <Quiet>No mini-program has asked for your data yet.</Quiet>
        )
      }
    </Loaded>
  );
}

function DecisionRow({ decision: d, appName, revoked }: { decision: Decision; appName: string; revoked(): Promise<void> }) {
  const { ui, failed } = useSite();
  const busy = useSignal(false);
  const what = Object.hasOwn(scopes, d.scope) ? scopes[d.scope as Scope].title : d.scope;

  async function revoke(): Promise<void> {
    const yes = await ui.dialog({ kind: 'modal', title: `Revoke ${appName}'s access?`, content: `It will have to ask again before it can use ${what}.`, confirmText: 'Revoke' }).answer;
    if (!yes) return;
    busy.value = true;
    try {
      await must(api.DELETE('/api/me/authorizations/{appId}/{scope}', { params: { path: { appId: d.appId, scope: d.scope } } }));
    } catch (e) {
      busy.value = false;
      return failed(e);
    }
    ui.toast({ title: 'Revoked', icon: 'success', durationMs: 1500 });
    await revoked();
  }

  return (
    <div class="shell-row shell-auth-row">
      <span class="shell-row-text">
        <span class="shell-auth-scope">{what.charAt(0).toUpperCase() + what.slice(1)}</span>
        <span class={`shell-auth-state ${d.granted ? 'shell-auth-allowed' : 'shell-auth-denied'}`}>{d.granted ? 'Allowed' : 'Not allowed'}</span>
      </span>
      <button type="button" class="shell-revoke" disabled={busy.value} aria-label={`Revoke ${appName}: ${what}`} onClick={() => void revoke()}>
        Revoke
      </button>
    </div>
  );
}
