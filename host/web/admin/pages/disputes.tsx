/** @jsxImportSource preact */
/**
 * Payment disputes, oldest first, filtered by state: each with its order, app, merchant and
 * amount, the buyer's reason and the merchant's answer; an undecided one has the decision form,
 * a decided one what was decided and why.
 */
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { formatMoney } from '../../../../lib/money.ts';
import { formatDateTime } from '../../common/format.ts';
import { disputeStatusLabel } from '../../common/orders.ts';
import { Facts, FilterChips, Mono, Notes, PageHead, Subtitle } from '../../desk/ui.tsx';
import { Empty, Link, Loaded, Money, StatusChip, useResource, useSite, useTitle } from '../../kit/index.ts';
import { appHistory, disputes as listDisputes, type AppHistory, type DisputeEntry } from '../api.ts';
import { DisputeForm } from '../dispute-form.tsx';
import { adminPaths, type DisputeStatusFilter } from '../routes.ts';

const FILTERS: { value: DisputeStatusFilter; text: string }[] = [
  { value: '', text: 'All' },
  { value: 'open', text: 'Open' },
  { value: 'answered', text: 'Answered' },
  { value: 'resolved', text: 'Resolved' },
];

export function DisputesPage({ filter }: { filter: { status: DisputeStatusFilter } }) {
  useTitle('Disputes');
  const { router } = useSite();
  const status = useSignal(filter.status);
  /** Apps and their merchants, looked up once per app while the page is open. */
  const owners = useRef(new Map<string, Promise<AppHistory | null>>()).current;
  const owner = (appId: string) => {
    if (!owners.has(appId)) owners.set(appId, appHistory(appId).catch(() => null));
    return owners.get(appId)!;
  };
  const list = useResource(async (signal) => {
    const shown = status.value;
    const found = await listDisputes(shown || undefined, signal);
    const apps = new Map(await Promise.all([...new Set(found.map((d) => d.appId))].map(async (id) => [id, await owner(id)] as const)));
    return { status: shown, disputes: found, apps };
  }, [status.value]);

  function pick(next: DisputeStatusFilter): void {
    router.replaceAddress(adminPaths.disputes(next));
    if (next === status.value) void list.reload();
    status.value = next;
  }

  return (
    <div class="desk-page">
      <PageHead title="Disputes" sub={['Buyers dispute paid orders whose money is still held; the money moves when you decide.']} />
      <div class="desk-toolbar">
        <FilterChips label="State" options={FILTERS} value={status.value} pick={pick} />
      </div>
      <div class="desk-slot">
        <Loaded resource={list} failure="Couldn't load the disputes">
          {({ status: shown, disputes, apps }) =>
            disputes.length ? (
              // Which filter these cards answer, so a reader can tell the list has caught up.
              <div class="desk-column" data-filter={shown || 'all'}>
                {disputes.map((d) => (
                  <DisputeCard dispute={d} app={apps.get(d.appId) ?? null} decided={list.reload} />
                ))}
              </div>
            ) : (
              <Empty title={shown ? `No ${shown} disputes` : 'No disputes'} text="Disputes appear here when a buyer opens one on a paid order." />
            )
          }
        </Loaded>
      </div>
    </div>
  );
}

function DisputeCard({ dispute: d, app, decided }: { dispute: DisputeEntry; app: AppHistory | null; decided(): Promise<void> }) {
  const merchant = app ? (app.merchant.email ?? app.merchant.displayName ?? app.merchant.id) : d.merchantId;
  return (
    <section class="desk-panel desk-dispute" aria-label={`Dispute on ${d.orderId}`} data-testid={`dispute-${d.orderId}`}>
      <div class="desk-dispute-head">
        <Money class="desk-dispute-amount" amount={d.amount} currency={d.currency} />
        <StatusChip label={disputeStatusLabel(d, d.currency)} />
        <span class="desk-muted">{`opened ${formatDateTime(d.createdAt)}`}</span>
      </div>
      <Facts
        rows={[
          ['Order', <Mono>{d.orderId}</Mono>],
          ['App', app ? <Link href={adminPaths.app(d.appId)}>{app.app.name}</Link> : d.appId],
          ['Merchant', merchant],
        ]}
      />
      <Subtitle>The buyer's reason</Subtitle>
      <Notes>{d.reason}</Notes>
      <Subtitle>The merchant's answer</Subtitle>
      {d.answer ? <Notes>{d.answer}</Notes> : <p class="desk-note">No answer yet.</p>}
      {d.status === 'resolved' ? (
        <>
          <Subtitle>Decision</Subtitle>
          <Notes>{`${d.decision === 'refund' ? `Refunded ${formatMoney(d.refundAmount ?? 0, d.currency)} to the buyer` : 'Released to the merchant'}${d.decidedAt ? ` on ${formatDateTime(d.decidedAt)}` : ''}.`}</Notes>
          {d.note && <Notes muted>{d.note}</Notes>}
        </>
      ) : (
        <DisputeForm dispute={d} decided={decided} />
      )}
    </section>
  );
}
