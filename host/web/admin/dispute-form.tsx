/** @jsxImportSource preact */
/**
 * An admin's decision on a payment dispute: release the held money to the merchant, or refund the
 * buyer all of it or part (the rest goes to the merchant), with a note both sides see. Final, so
 * it asks first.
 */
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { formatMoney } from '../../../lib/money.ts';
import { api, must } from '../api/client.ts';
import { Note } from '../desk/ui.tsx';
import { Form, FormError, Invalid, Submit, TextArea, TextInput, useForm, useSite } from '../kit/index.ts';
import type { DisputeEntry } from './api.ts';
import { decisionFrom } from './dispute-decision.ts';

export function DisputeForm({ dispute: d, decided }: { dispute: DisputeEntry; decided(): Promise<void> }) {
  const { ui } = useSite();
  const form = useForm({ note: 'Note', amount: 'Amount' });
  const name = useId();
  const choice = useSignal<'' | 'release' | 'refund'>('');
  const amount = useSignal('');
  const note = useSignal('');
  const most = formatMoney(d.amount, d.currency);

  async function decide(): Promise<void> {
    const decision = decisionFrom(choice.value, amount.value, note.value, d.currency, d.amount);
    if ('error' in decision) throw new Invalid(decision.error);
    const what = decision.decision === 'release' ? 'Release the money to the merchant?' : `Refund ${decision.amount ? formatMoney(decision.amount, d.currency) : 'everything left'} to the buyer?`;
    const yes = await ui.dialog({ kind: 'modal', title: what, content: 'The decision is final: the money moves at once and the dispute closes.', confirmText: 'Decide' }).answer;
    if (!yes) return;
    await must(api.POST('/api/admin/disputes/{disputeId}/decide', { params: { path: { disputeId: d.disputeId } }, body: decision }));
    ui.toast({ title: 'Decided', icon: 'success', durationMs: 1500 });
    await decided();
  }

  const option = (value: 'release' | 'refund', text: string, sub: string) => (
    <label class="desk-check-option">
      <input type="radio" name={name} value={value} checked={choice.value === value} onChange={() => (choice.value = value)} />
      <span>
        <strong>{text}</strong> <span class="desk-muted">{sub}</span>
      </span>
    </label>
  );
  return (
    <Form form={form} onSubmit={decide} class="desk-inline-form" testid="dispute-decision">
      <Note>The money stays held until you decide.</Note>
      <fieldset class="desk-reason-row desk-events">
        <legend class="desk-legend">Decision</legend>
        {option('release', 'Release to the merchant', `${most} less what was refunded, less the platform fee.`)}
        {option('refund', 'Refund the buyer', 'All that is left, or part: the rest goes to the merchant.')}
      </fieldset>
      {choice.value === 'refund' && (
        <TextInput
          label={`Refund amount (${d.currency})`}
          hint={`Leave empty to refund everything not refunded yet (at most ${most}).`}
          name="amount"
          inputMode="decimal"
          placeholder="Everything left"
          value={amount}
          onInput={(e) => (amount.value = e.currentTarget.value)}
        />
      )}
      <TextArea label="Note" name="note" required minLength={4} maxLength={500} rows={2} placeholder="Why: the buyer and the merchant both see this." value={note} onInput={(e) => (note.value = e.currentTarget.value)} />
      <FormError form={form} />
      <div class="desk-form-actions">
        <Submit form={form} class="shell-primary desk-inline-button">
          Decide
        </Submit>
      </div>
    </Form>
  );
}
