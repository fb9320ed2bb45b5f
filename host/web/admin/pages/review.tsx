/** @jsxImportSource preact */
/**
 * One version under review, with everything a reviewer needs on one screen: the app and its
 * merchant, release notes, the automated checks and their findings, the changes, the manifest and
 * the scopes with their reasons, size and waiting time; then the decision.
 */
import { api, must, nullIfMissing } from '../../api/client.ts';
import { formatBytes, formatDateTime, formatDuration } from '../../common/format.ts';
import { appLabel, releaseLine, versionLabel } from '../../desk/status.ts';
import { Facts, Mono, Note, Notes, PageHead, Panel } from '../../desk/ui.tsx';
import { ChecksList, DiffView, ReasonsList } from '../../desk/versions.tsx';
import { AppIcon, Empty, Failure, Link, Loading, StatusChip, useResource, useSite, useTitle } from '../../kit/index.ts';
import type { ReviewEntry } from '../api.ts';
import { DecisionPanel } from '../decision-panel.tsx';
import { ManifestView, ScopesView } from '../manifest.tsx';
import { adminPaths } from '../routes.ts';

const Back = () => (
  <Link href={adminPaths.queue} class="desk-back">
    Review queue
  </Link>
);

export function ReviewPage({ versionId }: { versionId: string }) {
  const { ui } = useSite();
  const review = useResource(
    (signal) =>
      must(api.GET('/api/admin/reviews/{versionId}', { params: { path: { versionId } }, signal }))
        .then((r) => r.item)
        .catch(nullIfMissing),
    [versionId],
  );
  const item = review.data;
  useTitle(item ? `${item.app.name} ${item.version.version}` : 'Review');

  function decided(next: ReviewEntry): void {
    ui.toast({ title: next.version.status === 'approved' ? 'Approved' : 'Rejected', icon: 'success', durationMs: 1500 });
    review.set(next);
  }

  if (item === null) {
    return (
      <div class="desk-page">
        <Empty title="No such version" text="It may have been taken out of review.">
          <Link href={adminPaths.queue} class="shell-primary shell-button-link desk-inline-button">
            Review queue
          </Link>
        </Empty>
      </div>
    );
  }
  const failed = review.error !== undefined && !review.loading;
  if (!item || failed) {
    return (
      <div class="desk-page">
        <PageHead title="Review" back={<Back />} />
        {failed ? <Failure title="Couldn't load the version" error={review.error} retry={() => void review.reload()} /> : <Loading />}
      </div>
    );
  }

  const { app, version: v, merchant } = item;
  const waiting = v.status === 'in_review' ? `waiting ${formatDuration(item.waitingSeconds)}` : v.reviewSeconds !== null ? `decided after ${formatDuration(v.reviewSeconds)}` : '';
  return (
    <div class="desk-page">
      <PageHead
        title={`${app.name} ${v.version}`}
        back={<Back />}
        lead={<AppIcon app={app} size="large" />}
        sub={[<StatusChip label={versionLabel(v)} />, <Mono>{app.id}</Mono>, `submitted ${formatDateTime(v.submittedAt)}`, waiting && <strong>{waiting}</strong>]}
      />
      {v.status !== 'in_review' && <Decided item={item} />}
      <div class="desk-columns">
        <div class="desk-column">
          <Panel title="Release notes">{v.releaseNotes ? <Notes>{v.releaseNotes}</Notes> : <Note>No release notes.</Note>}</Panel>
          <Panel title="Automated checks">
            <ChecksList checks={v.checks} />
          </Panel>
          <Panel title="Changes">
            <DiffView diff={v.diff} />
          </Panel>
          <Panel title="Scopes">
            <ScopesView item={item} />
          </Panel>
          <Panel title="Manifest">
            <ManifestView item={item} />
          </Panel>
        </div>
        <div class="desk-column desk-column-side">
          {v.status === 'in_review' && <DecisionPanel item={item} decided={decided} />}
          <Panel title="App">
            <Facts
              rows={[
                ['Name', <Link href={adminPaths.app(app.id)}>{app.name}</Link>],
                ['State', <StatusChip label={appLabel(app)} />],
                ['Category', app.category],
                ['Licence', app.licensed ? 'Restricted-category licence granted' : 'None'],
                ['Users get', releaseLine(app.release)],
              ]}
            />
          </Panel>
          <Panel title="Merchant">
            <Facts rows={[['Name', merchant.displayName ?? '—'], ['Email', merchant.email ?? '—'], ['Account', <Mono>{merchant.id}</Mono>]]} />
          </Panel>
          <Panel title="Version">
            <Facts rows={versionRows(item)} />
          </Panel>
        </div>
      </div>
    </div>
  );
}

function versionRows({ version: v, waitingSeconds }: ReviewEntry): [string, string][] {
  const rows: [string, string][] = [['Size', formatBytes(v.sizeBytes)], ['Submitted', formatDateTime(v.submittedAt)]];
  if (v.status === 'in_review') rows.push(['Waiting', formatDuration(waitingSeconds)]);
  else if (v.reviewSeconds !== null) rows.push(['Reviewed after', formatDuration(v.reviewSeconds)]);
  return rows;
}

/** What was decided, and the way back to the queue. */
function Decided({ item }: { item: ReviewEntry }) {
  const v = item.version;
  const rejected = v.status === 'rejected';
  const text = rejected ? 'Rejected' : v.status === 'approved' ? 'Approved' : 'Withdrawn by the merchant';
  return (
    <div class={`desk-banner ${rejected ? 'desk-banner-danger' : 'desk-banner-ok'}`} role="status" data-testid="decided">
      <strong>{`${text}${v.decidedAt ? ` on ${formatDateTime(v.decidedAt)}` : ''}`}</strong>
      {rejected && v.reasons.length > 0 && <ReasonsList reasons={v.reasons} />}
      <Link href={adminPaths.queue}>Back to the queue</Link>
    </div>
  );
}
