/** @jsxImportSource preact */
/**
 * One app: its state (a suspension with Atrium's reason), the release controls, every version
 * newest first with its checks, changes and review, the app's facts, its secret, and how to submit
 * a version with the CLI.
 */
import { useRef } from 'preact/hooks';
import { api, must, nullIfMissing } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { Commands, Copyable } from '../../desk/copy.tsx';
import { appLabel } from '../../desk/status.ts';
import { Facts, Mono, Note, Notes, PageHead, Panel } from '../../desk/ui.tsx';
import { VersionCard } from '../../desk/versions.tsx';
import { AppIcon, Empty, Failure, Link, Loading, StatusChip, useResource, useTitle } from '../../kit/index.ts';
import type { AppView, VersionView } from '../api.ts';
import { AppSecretPanel } from '../app-secret.tsx';
import { ReleasePanel } from '../release-panel.tsx';
import { consolePaths } from '../routes.ts';

const Back = () => (
  <Link href={consolePaths.apps} class="desk-back">
    Your apps
  </Link>
);

export function AppPage({ appId }: { appId: string }) {
  const loaded = useResource((signal) => must(api.GET('/api/merchant/apps/{appId}', { params: { path: { appId } }, signal })).catch(nullIfMissing), [appId]);
  const found = loaded.data;
  useTitle(found ? found.app.name : appId);
  if (found === null) {
    return (
      <div class="desk-page">
        <Empty title="No such app" text="It is not one of your apps.">
          <Link href={consolePaths.apps} class="shell-primary shell-button-link desk-inline-button">
            Your apps
          </Link>
        </Empty>
      </div>
    );
  }
  const failed = loaded.error !== undefined && !loaded.loading;
  if (!found || failed) {
    return (
      <div class="desk-page">
        <PageHead title={appId} back={<Back />} />
        {failed ? <Failure title="Couldn't load the app" error={loaded.error} retry={() => void loaded.reload()} /> : <Loading />}
      </div>
    );
  }
  return <App app={found.app} versions={found.versions} reload={loaded.reload} />;
}

function App({ app, versions, reload }: { app: AppView; versions: VersionView[]; reload(): Promise<void> }) {
  /** Versions the merchant opened or closed, kept across reloads. */
  const opened = useRef(new Map<string, boolean>()).current;
  return (
    <div class="desk-page">
      <PageHead title={app.name} back={<Back />} lead={<AppIcon app={app} size="large" />} sub={[<StatusChip label={appLabel(app)} />, <Mono>{app.id}</Mono>, app.category]} />
      {app.status === 'suspended' && (
        <div class="desk-banner desk-banner-danger" role="alert">
          <strong>Suspended by Atrium</strong>
          <span class="desk-banner-reason">{app.suspendedReason ?? 'No reason given.'}</span>
          <span>Users can't open it and its live sessions were ended. You can release again once Atrium reinstates it.</span>
        </div>
      )}
      <div class="desk-columns">
        <div class="desk-column">
          <ReleasePanel app={app} versions={versions} changed={reload} />
          <Panel title="Versions">
            {versions.length ? (
              <>
                <Note>Newest first. Open one for its release notes, checks, changes and review.</Note>
                <div class="desk-versions">
                  {versions.map((v, i) => (
                    <VersionCard key={v.id} v={v} open={opened.get(v.id) ?? (i === 0 || v.status === 'in_review' || v.live === 'gray')} onToggle={(open) => opened.set(v.id, open)} />
                  ))}
                </div>
              </>
            ) : (
              <Note>No versions yet. Submit the first one with the atrium CLI (see the right).</Note>
            )}
          </Panel>
        </div>
        <div class="desk-column desk-column-side">
          <About app={app} />
          <AppSecretPanel appId={app.id} />
          <Panel title="Submit a version">
            <Note>Build and submit from your program’s folder with the atrium CLI. The automated checks run at once; then it waits for review and shows up here.</Note>
            <Commands lines={['npx atrium login', `npx atrium submit --app ${app.id}`]} />
            <Note>Sign the CLI in with this merchant account. Give each version a new number in atrium.json.</Note>
          </Panel>
        </div>
      </div>
    </div>
  );
}

function About({ app }: { app: AppView }) {
  return (
    <Panel title="About">
      <Facts
        rows={[
          ['App id', <Copyable value={app.id} label="app id" />],
          ['Category', app.category],
          ['Restricted-category licence', app.licensed ? 'Granted' : 'Not granted'],
          ['Created', formatDateTime(app.createdAt)],
          !!app.release && ['Released', formatDateTime(app.release.releasedAt)],
        ]}
      />
      {app.description && <Notes>{app.description}</Notes>}
    </Panel>
  );
}
