/** @jsxImportSource preact */
/** An app's whole story for an admin: its state, merchant, every version and the audit entries. */
import { nullIfMissing } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { appLabel, releaseLine } from '../../desk/status.ts';
import { Facts, Mono, Note, PageHead, Panel } from '../../desk/ui.tsx';
import { VersionCard } from '../../desk/versions.tsx';
import { AppIcon, Empty, Failure, Link, Loading, StatusChip, useResource, useTitle } from '../../kit/index.ts';
import { appHistory, type AppHistory } from '../api.ts';
import { AuditEntry } from '../audit-list.tsx';
import { ModerationPanel } from '../moderation.tsx';
import { adminPaths } from '../routes.ts';

const Back = () => (
  <Link href={adminPaths.apps()} class="desk-back">
    Apps
  </Link>
);

export function AppPage({ appId }: { appId: string }) {
  const history = useResource((signal) => appHistory(appId, signal).catch(nullIfMissing), [appId]);
  const h = history.data;
  useTitle(h ? h.app.name : appId);
  if (h === null) {
    return (
      <div class="desk-page">
        <Empty title="No such app" text={`Atrium has no app “${appId}”.`}>
          <Link href={adminPaths.apps()} class="shell-primary shell-button-link desk-inline-button">
            All apps
          </Link>
        </Empty>
      </div>
    );
  }
  const failed = history.error !== undefined && !history.loading;
  if (!h || failed) {
    return (
      <div class="desk-page">
        <PageHead title={appId} back={<Back />} />
        {failed ? <Failure title="Couldn't load the app" error={history.error} retry={() => void history.reload()} /> : <Loading />}
      </div>
    );
  }
  return <History history={h} reload={history.reload} />;
}

function History({ history: { app, merchant, versions, audit }, reload }: { history: AppHistory; reload(): Promise<void> }) {
  return (
    <div class="desk-page">
      <PageHead title={app.name} back={<Back />} lead={<AppIcon app={app} size="large" />} sub={[<StatusChip label={appLabel(app)} />, <Mono>{app.id}</Mono>, app.category]} />
      {app.status === 'suspended' && (
        <div class="desk-banner desk-banner-danger">
          <strong>Suspended</strong>
          <span class="desk-banner-reason">{app.suspendedReason ?? 'No reason given.'}</span>
        </div>
      )}
      <div class="desk-columns">
        <div class="desk-column">
          <Panel title="Versions">
            {versions.length ? (
              <div class="desk-versions">
                {versions.map((v, i) => (
                  <VersionCard
                    v={v}
                    open={i === 0}
                    actions={
                      v.status === 'in_review' && (
                        <Link href={adminPaths.review(v.id)} class="shell-primary shell-button-link desk-inline-button">
                          {`Review ${v.version}`}
                        </Link>
                      )
                    }
                  />
                ))}
              </div>
            ) : (
              <Note>No versions yet.</Note>
            )}
          </Panel>
          <Panel title="History">
            {audit.length ? (
              <>
                <ol class="desk-audit-list">
                  {audit.map((e) => (
                    <AuditEntry entry={e} showApp={false} />
                  ))}
                </ol>
                <Link href={adminPaths.audit({ appId: app.id })} class="desk-more">
                  In the audit log
                </Link>
              </>
            ) : (
              <Note>Nothing recorded yet.</Note>
            )}
          </Panel>
        </div>
        <div class="desk-column desk-column-side">
          <ModerationPanel app={app} done={reload} />
          <Panel title="About">
            <Facts
              rows={[
                ['Users get', releaseLine(app.release)],
                ['In review', app.inReview ?? 'nothing'],
                ['Created', formatDateTime(app.createdAt)],
                ['Description', app.description || '—'],
              ]}
            />
          </Panel>
          <Panel title="Merchant">
            <Facts rows={[['Name', merchant.displayName ?? '—'], ['Email', merchant.email ?? '—'], ['Account', <Mono>{merchant.id}</Mono>]]} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
