/** @jsxImportSource preact */
/** Audit entries, newest first: when, who, what, on which app and version, and why. */
import { formatDateTime } from '../common/format.ts';
import { describeAudit } from '../desk/status.ts';
import { Link } from '../kit/index.ts';
import type { AuditRow } from './api.ts';
import { adminPaths } from './routes.ts';

const KIND = { merchant: 'merchant', admin: 'admin', system: 'Atrium' } as const;

export function AuditEntry({ entry: e, showApp }: { entry: AuditRow; showApp: boolean }) {
  const who = e.actorKind === 'system' ? 'Atrium' : `${e.actorName ?? e.actorId} (${KIND[e.actorKind]})`;
  return (
    <li class={`desk-audit desk-audit-${e.action.replace('.', '-')}`} data-action={e.action}>
      <time class="desk-audit-when" dateTime={e.at}>
        {formatDateTime(e.at)}
      </time>
      <div class="desk-audit-body">
        <div class="desk-audit-what">
          <strong>{describeAudit(e)}</strong>
          {showApp && (
            <>
              {' · '}
              <Link href={adminPaths.app(e.appId)}>{e.appId}</Link>
            </>
          )}
        </div>
        <div class="desk-audit-who">{`by ${who}`}</div>
        {e.reason && <div class="desk-audit-reason">{`“${e.reason}”`}</div>}
      </div>
    </li>
  );
}
