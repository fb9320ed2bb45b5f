/** @jsxImportSource preact */
/**
 * What the buyer can do with an order now: confirm receipt (the merchant is paid), ask for a
 * refund (an amount and a reason), or open a dispute (a reason; Atrium decides). Which of these an
 * order allows is ../../common/orders.ts `buyerActions`; the host checks again.
 */
import { useSignal } from '@preact/signals';
import { formatMoney, moneyInputValue } from '../../../../lib/money.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { askableLeft, buyerActions } from '../../common/orders.ts';
import { bind, Form, FormError, Invalid, Submit, TextArea, TextInput, useForm, useSite } from '../../kit/index.ts';
import { reasonOf, refundRequestOf } from '../order-buyer.ts';

type Order = Schemas['Order'];

export function OrderActions({ order: o, changed }: { order: Order; changed(): Promise<void> }) {
  const { ui, failed } = useSite();
  const open = useSignal<'refund' | 'dispute' | null>(null);
  const can = buyerActions(o);
  if (!can.confirmReceipt && !can.requestRefund && !can.openDispute) return null;

  async function confirmReceipt(): Promise<void> {
    const content = `Only if you have what you ordered: ${formatMoney(o.amount - o.refundedAmount, o.currency)} goes to the merchant now.`;
    if (!(await ui.dialog({ kind: 'modal', title: 'Confirm receipt?', content, confirmText: 'Confirm' }).answer)) return;
    try {
      await must(api.POST('/api/orders/{orderId}/confirm-receipt', { params: { path: { orderId: o.orderId } } }));
    } catch (e) {
      return failed(e);
    }
    ui.toast({ title: 'Receipt confirmed', icon: 'success', durationMs: 1500 });
    await changed();
  }

  /** The request went through: say so, and show the order as it is now. */
  async function sent(title: string): Promise<void> {
    ui.toast({ title, icon: 'success', durationMs: 1500 });
    open.value = null;
    await changed();
  }

  return (
    <>
      <div class="shell-order-actions">
        {can.confirmReceipt && (
          <button type="button" class="shell-primary shell-submit" onClick={() => void confirmReceipt()}>
            Confirm receipt
          </button>
        )}
        {can.requestRefund && (
          <button type="button" class="shell-secondary" onClick={() => (open.value = 'refund')}>
            Request a refund
          </button>
        )}
        {can.openDispute && (
          <button type="button" class="shell-secondary" onClick={() => (open.value = 'dispute')}>
            Open a dispute
          </button>
        )}
      </div>
      <div class="shell-form-slot">
        {open.value === 'refund' && <RefundForm order={o} cancel={() => (open.value = null)} sent={() => sent('Refund requested')} />}
        {open.value === 'dispute' && <DisputeForm order={o} cancel={() => (open.value = null)} sent={() => sent('Dispute opened')} />}
      </div>
    </>
  );
}

interface RequestProps {
  order: Order;
  cancel(): void;
  sent(): Promise<void>;
}

function RefundForm({ order: o, cancel, sent }: RequestProps) {
  const form = useForm({ amount: 'Amount', reason: 'Reason' });
  const left = askableLeft(o);
  const amount = useSignal(moneyInputValue(left, o.currency));
  const reason = useSignal('');

  async function send(): Promise<void> {
    const request = refundRequestOf(o, amount.value, reason.value);
    if ('problem' in request) throw new Invalid(request.problem);
    await must(api.POST('/api/orders/{orderId}/refunds', { params: { path: { orderId: o.orderId } }, body: request }));
    await sent();
  }

  return (
    <Form form={form} onSubmit={send} class="shell-card shell-form" testid="refund-form" validate>
      <div class="shell-card-title">Request a refund</div>
      <TextInput label={`Amount (${o.currency})`} hint={`Up to ${formatMoney(left, o.currency)}.`} name="amount" inputMode="decimal" required {...bind(amount)} />
      <TextArea label="Reason" focus name="reason" required minLength={4} maxLength={500} placeholder="What went wrong? The merchant reads this." {...bind(reason)} />
      <FormError form={form} />
      <Actions form={form} cancel={cancel} text="Send request" />
    </Form>
  );
}

function DisputeForm({ order: o, cancel, sent }: RequestProps) {
  const form = useForm({ reason: 'Reason' });
  const reason = useSignal('');

  async function send(): Promise<void> {
    const given = reasonOf(reason.value);
    if ('problem' in given) throw new Invalid(given.problem);
    await must(api.POST('/api/orders/{orderId}/dispute', { params: { path: { orderId: o.orderId } }, body: given }));
    await sent();
  }

  return (
    <Form form={form} onSubmit={send} class="shell-card shell-form" testid="dispute-form" validate>
      <div class="shell-card-title">Open a dispute</div>
      <p class="shell-card-text">{`The ${formatMoney(o.amount - o.refundedAmount, o.currency)} stays held until Atrium decides: back to you, in full or in part, or to the merchant.`}</p>
      <TextArea label="Reason" focus name="reason" required minLength={4} maxLength={500} placeholder="What went wrong? The merchant answers, then Atrium decides." {...bind(reason)} />
      <FormError form={form} />
      <Actions form={form} cancel={cancel} text="Open dispute" />
    </Form>
  );
}

function Actions({ form, cancel, text }: { form: ReturnType<typeof useForm>; cancel(): void; text: string }) {
  return (
    <div class="shell-form-actions">
      <button type="button" class="shell-secondary" onClick={cancel}>
        Cancel
      </button>
      <Submit form={form} class="shell-primary shell-submit">
        {text}
      </Submit>
    </div>
  );
}
