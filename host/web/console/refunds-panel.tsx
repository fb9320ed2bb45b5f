/** @jsxImportSource preact */
/** An order's refunds, newest last: the buyer's pending requests with Approve and Reject, the rest with their state. */
import { formatMoney } from '../../../lib/money.ts';
import { api, must } from '../api/client.ts';
import { formatDateTime } from '../common/format.ts';
import { refundBy, refundStatusLabel } from '../common/orders.ts';
import { Panel } from '../desk/ui.tsx';
import { StatusChip } from '../kit/index.ts';
import type { OrderView, RefundView } from './api.ts';
import { useConfirm } from './confirm.ts';
import { useIntentKey } from './intent-key.ts';

interface Props {
  order: OrderView;
  /** A request was decided: the page says `said` and loads the order again. */
  done(said: string): Promise<void>;
}

export function RefundsPanel({ order: o, done }: Props) {
  return (
    <Panel title="Refunds">
      {o.refunds.map((r) => (
        <div key={r.refundId} class="desk-action-row" data-testid={`refund-${r.refundId}`}>
          <div class="desk-action-text">
            <strong>{formatMoney(r.amount, o.currency)}</strong>
            <span>{r.reason}</span>
            <span class="desk-muted">{`${refundBy(r, 'merchant')} · ${formatDateTime(r.createdAt)}`}</span>
          </div>
          {r.status === 'pending' && r.requestedBy === 'user' ? <Decision refund={r} currency={o.currency} done={done} /> : <StatusChip label={refundStatusLabel(r)} />}
        </div>
      ))}
    </Panel>
  );
}

/** Approve or reject a buyer's request, each under a key of its own. */
function Decision({ refund: r, currency, done }: { refund: RefundView; currency: string; done: Props['done'] }) {
  const confirm = useConfirm();
  const keys = { approve: useIntentKey(), reject: useIntentKey() };
  const amount = formatMoney(r.amount, currency);

  async function decide(decision: 'approve' | 'reject'): Promise<void> {
    const approve = decision === 'approve';
    const ask = approve
      ? { title: `Refund ${amount}?`, content: "It goes back to the buyer's wallet at once.", confirmText: 'Approve' }
      : { title: 'Reject the request?', content: 'The buyer sees that you said no; they can still open a dispute while the money is held.', confirmText: 'Reject' };
    const params = { path: { refundId: r.refundId, decision }, header: { 'idempotency-key': keys[decision].current } };
    if (await confirm(ask, () => must(api.POST('/api/merchant/refunds/{refundId}/{decision}', { params })))) await done(approve ? `Refunded ${amount}` : 'Request rejected');
  }

  return (
    <div class="desk-action-buttons">
      <button type="button" class="shell-primary desk-inline-button" aria-label={`Approve the refund of ${amount}`} onClick={() => void decide('approve')}>
        Approve
      </button>
      <button type="button" class="desk-button desk-button-danger" aria-label={`Reject the refund of ${amount}`} onClick={() => void decide('reject')}>
        Reject
      </button>
    </div>
  );
}
