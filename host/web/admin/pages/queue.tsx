/** @jsxImportSource preact */
/** The review queue: versions waiting for a decision, the longest waiting first. */
import { api, must } from '../../api/client.ts';
import { formatBytes, formatDuration, plural } from '../../common/format.ts';
import { PageHead } from '../../desk/ui.tsx';
import { AppIcon, Empty, Link, Loaded, StatusChip, useResource, useTitle } from '../../kit/index.ts';
import type { ReviewEntry } from '../api.ts';
import { adminPaths } from '../routes.ts';

/** Waiting longer than this is shown in orange. */
const LONG_WAIT_S = 24 * 3600;

export function QueuePage() {
  useTitle('Review queue');
  const queue = useResource(async (signal) => (await must(api.GET('/api/admin/reviews', { signal }))).items, []);
  const waiting = queue.data?.length ? `${plural(queue.data.length, 'version')} waiting, the longest waiting first.` : '';
  return (
    <div class="desk-page">
      <PageHead title="Review queue" sub={[waiting]} />
      <div class="desk-slot">
        <Loaded resource={queue} failure="Couldn't load the queue">
          {(items) =>
            items.length ? (
              <div class="desk-list" aria-label="Versions waiting for review">
                {items.map((item) => (
                  <QueueRow item={item} />
                ))}
              </div>
            ) : (
              <Empty title="Nothing to review" text="Every submitted version has a decision. New ones appear here, the longest waiting first." />
            )
          }
        </Loaded>
      </div>
    </div>
  );
}

function QueueRow({ item }: { item: ReviewEntry }) {
  const { app, version: v, merchant, scopes } = item;
  const warnings = v.checks.reduce((n, c) => n + c.findings.filter((f) => f.severity === 'warning').length, 0);
  return (
    <Link href={adminPaths.review(v.id)} class="desk-row" data-testid={`review-${app.id}-${v.version}`}>
      <AppIcon app={app} />
      <span class="desk-row-text">
        <span class="desk-row-title">{`${app.name} ${v.version}`}</span>
        <span class="desk-row-sub">{`${merchant.email ?? merchant.id} · ${app.category} · ${formatBytes(v.sizeBytes)} · ${scopes.length ? scopes.map((s) => s.scope).join(', ') : 'no scopes'}`}</span>
      </span>
      <span class="desk-row-states">
        {warnings > 0 && <StatusChip label={{ text: plural(warnings, 'warning'), tone: 'orange' }} />}
        {!v.diff?.against && <StatusChip label={{ text: 'First version', tone: 'blue' }} />}
        <StatusChip label={{ text: `waiting ${formatDuration(item.waitingSeconds)}`, tone: item.waitingSeconds > LONG_WAIT_S ? 'orange' : 'grey' }} />
      </span>
    </Link>
  );
}
