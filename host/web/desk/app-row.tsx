/** @jsxImportSource preact */
/**
 * A row of an apps list, in both consoles: icon, name, `sub`, a suspension's reason, and where the
 * app stands (live version, gray share, version in review, and `more`), as a link to the app.
 */
import type { ComponentChildren } from 'preact';
import type { AppView } from '../../modules/apps/browser.ts';
import { AppIcon, Link, StatusChip } from '../kit/index.ts';
import { appLabel } from './status.ts';

export function AppRow({ app, href, sub, more, testid }: { app: AppView; href: string; sub: string; more?: ComponentChildren; testid?: string }) {
  return (
    <Link href={href} class="desk-row" data-testid={testid}>
      <AppIcon app={app} />
      <span class="desk-row-text">
        <span class="desk-row-title">{app.name}</span>
        <span class="desk-row-sub">{sub}</span>
        {app.status === 'suspended' && <span class="desk-row-alert">{`Suspended: ${app.suspendedReason ?? 'no reason given'}`}</span>}
      </span>
      <span class="desk-row-states">
        <StatusChip label={appLabel(app)} />
        {app.release && <span class="desk-row-fact">{`v${app.release.version}`}</span>}
        {app.release?.gray && <StatusChip label={{ text: `${app.release.gray.version} at ${app.release.gray.percent}%`, tone: 'blue' }} />}
        {app.inReview && <StatusChip label={{ text: `${app.inReview} in review`, tone: 'orange' }} />}
        {more}
      </span>
    </Link>
  );
}
