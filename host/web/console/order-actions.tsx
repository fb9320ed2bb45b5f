/** @jsxImportSource preact */
/**
 * What a merchant can do to an order from its page: mark it shipped (after asking), or open the
 * form to refund all or part of it. Each write keeps one `Idempotency-Key` per intent, so a retry
 * after a lost answer never ships or refunds twice.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { merchantActions } from '../common/orders.ts';
import { Note, Panel } from '../desk/ui.tsx';
import type { OrderView } from './api.ts';
import { useConfirm } from './confirm.ts';
import { useIntentKey } from './intent-key.ts';
import { RefundForm } from './refund-form.tsx';

interface Props {
  order: OrderView;
  /** Something was done: the page says `said` and loads the order again. */
  done(said: string): Promise<void>;
}

export function ActionsPanel({ order: o, done }: Props) {
  const can = merchantActions(o);
  const refunding = useSignal(false);
  return (
    <Panel title="Actions">
      {can.ship && (
        <div class="desk-action-row desk-action-first">
          <div class="desk-action-text">
            <strong>Ready to go?</strong>
            <span class="desk-muted">Tell the buyer it is on its way.</span>
          </div>
          <ShipButton order={o} done={done} />
        </div>
      )}
      {can.refund && (
        <>
          <div class="desk-action-row">
            <div class="desk-action-text">
              <strong>Refund</strong>
              <span class="desk-muted">All or part of what is left.</span>
            </div>
            <button type="button" class="desk-button desk-button-danger" onClick={() => (refunding.value = true)}>
              Refund…
            </button>
          </div>
          <div class="desk-slot">
            {refunding.value && (
              <RefundForm
                order={o}
                done={async (said) => {
                  refunding.value = false;
                  await done(said);
                }}
              />
            )}
          </div>
        </>
      )}
      {!can.ship && !can.refund && <Note>{o.paidAt ? 'Nothing to do: this order is settled.' : 'Nothing to do until the buyer pays.'}</Note>}
    </Panel>
  );
}

function ShipButton({ order: o, done }: Props) {
  const confirm = useConfirm();
  const key = useIntentKey();
  const release = o.holdUntilReceipt ? ' The money is released to you when the buyer confirms receipt, or by itself after a while.' : '';
  async function ship(): Promise<void> {
    const params = { path: { orderId: o.orderId }, header: { 'idempotency-key': key.current } };
    if (await confirm({ title: 'Mark as shipped?', content: `The buyer sees the order as shipped.${release}`, confirmText: 'Mark shipped' }, () => must(api.POST('/api/merchant/orders/{orderId}/ship', { params })))) await done('Marked shipped');
  }
  return (
    <button type="button" class="shell-primary desk-inline-button" onClick={() => void ship()}>
      Mark shipped
    </button>
  );
}
