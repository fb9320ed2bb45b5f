/** @jsxImportSource preact */
/** A refund of all or part of what is left of an order, with a reason the buyer sees. */
import { useSignal } from '@preact/signals';
import { formatMoney, moneyInputValue, parseMoney } from '../../../lib/money.ts';
import { api, must } from '../api/client.ts';
import { refundableLeft } from '../common/orders.ts';
import { Note } from '../desk/ui.tsx';
import { Form, FormError, Invalid, Submit, TextArea, TextInput, useForm } from '../kit/index.ts';
import type { OrderView } from './api.ts';
import { useIntentKey } from './intent-key.ts';

export function RefundForm({ order: o, done }: { order: OrderView; done(said: string): Promise<void> }) {
  const left = refundableLeft(o);
  const form = useForm({ amount: 'Amount', reason: 'Reason' });
  const amount = useSignal(moneyInputValue(left, o.currency));
  const reason = useSignal('');
  // Another amount or reason is another refund.
  const key = useIntentKey();

  async function refund(): Promise<void> {
    const minor = parseMoney(amount.value, o.currency);
    if (minor === null || minor > left) throw new Invalid(`Amount: give an amount up to ${formatMoney(left, o.currency)}.`);
    if (reason.value.trim().length < 4) throw new Invalid('Reason: at least 4 characters.');
    const params = { path: { orderId: o.orderId }, header: { 'idempotency-key': key.current } };
    await must(api.POST('/api/merchant/orders/{orderId}/refunds', { params, body: { amount: minor, reason: reason.value.trim() } }));
    await done(`Refunded ${formatMoney(minor, o.currency)}`);
  }

  const typed = (into: typeof amount) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    into.value = e.currentTarget.value;
    key.renew();
  };
  return (
    <Form form={form} onSubmit={refund} class="desk-inline-form" testid="refund-form">
      <Note>{`Up to ${formatMoney(left, o.currency)} is left to refund. It goes back to the buyer's wallet at once${o.releasedAt ? ', out of your available balance' : ', out of the held funds'}.`}</Note>
      <TextInput label={`Amount (${o.currency})`} name="amount" inputMode="decimal" required value={amount} onInput={typed(amount)} />
      <TextArea label="Reason" name="reason" required minLength={4} maxLength={500} rows={2} placeholder="The buyer sees this with the refund." value={reason} onInput={typed(reason)} />
      <FormError form={form} />
      <div class="desk-form-actions">
        <Submit form={form} class="desk-button desk-button-danger-solid">
          Refund
        </Submit>
      </div>
    </Form>
  );
}
