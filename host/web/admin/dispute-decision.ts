/**
 * An admin's decision on a payment dispute: release the held money to the merchant, or refund the
 * buyer all of it or part (the rest goes to the merchant), with a note both sides see. Final, so
 * it asks first.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import { formMessage, isSignedOut } from '../common/http.ts';
import { formatMoney, parseMoney } from '../../../lib/money.ts';
import type { DeskContext } from '../desk/context.ts';
import { actionButton, field, formError, input, note, textarea } from '../desk/ui.ts';
import { adminApi, type DisputeDecision, type DisputeEntry } from './api.ts';

let forms = 0;

/** What the form says as a decision, or why it cannot be one. Pure, tested in Node. */
export function decisionFrom(choice: string, amountText: string, noteText: string, currency: string, max: number): DisputeDecision | { error: string } {
  const text = noteText.trim();
  if (text.length < 4) return { error: 'Note: say why, in at least 4 characters. Both sides see it.' };
  if (choice === 'release') return { decision: 'release', note: text };
  if (choice !== 'refund') return { error: 'Choose: release to the merchant, or refund the buyer.' };
  if (!amountText.trim()) return { decision: 'refund', note: text };
  const amount = parseMoney(amountText, currency);
  if (amount === null || amount > max) return { error: `Amount: give an amount up to ${formatMoney(max, currency)}, or leave it empty to refund everything left.` };
  return { decision: 'refund', amount, note: text };
}

export function disputeDecisionForm(ctx: DeskContext<unknown>, d: DisputeEntry, decided: () => Promise<void>): HTMLElement {
  const name = `decision-${++forms}`;
  const option = (value: 'release' | 'refund', text: string, sub: string) => {
    const radio = el('input', '');
    Object.assign(radio, { type: 'radio', name, value });
    return { radio, label: el('label', 'desk-check-option', radio, el('span', '', el('strong', '', text), ' ', el('span', 'desk-muted', sub))) };
  };
  const release = option('release', 'Release to the merchant', `${formatMoney(d.amount, d.currency)} less what was refunded, less the platform fee.`);
  const refund = option('refund', 'Refund the buyer', 'All that is left, or part: the rest goes to the merchant.');
  const amount = input({ name: 'amount', inputMode: 'decimal', placeholder: 'Everything left' });
  const amountField = field(`Refund amount (${d.currency})`, amount, `Leave empty to refund everything not refunded yet (at most ${formatMoney(d.amount, d.currency)}).`);
  amountField.hidden = true;
  for (const o of [release, refund]) o.radio.addEventListener('change', () => (amountField.hidden = !refund.radio.checked));
  const why = textarea({ name: 'note', required: true, minLength: 4, maxLength: 500, rows: 2, placeholder: 'Why: the buyer and the merchant both see this.' });
  const error = formError();
  const go = actionButton('shell-primary desk-inline-button', 'Decide', async () => {
    error.say(null);
    const choice = release.radio.checked ? 'release' : refund.radio.checked ? 'refund' : '';
    const decision = decisionFrom(choice, amount.value, why.value, d.currency, d.amount);
    if ('error' in decision) return error.say(decision.error);
    const what = decision.decision === 'release' ? 'Release the money to the merchant?' : `Refund ${decision.amount ? formatMoney(decision.amount, d.currency) : 'everything left'} to the buyer?`;
    const yes = await ctx.ui.dialog({ kind: 'modal', title: what, content: 'The decision is final: the money moves at once and the dispute closes.', confirmText: 'Decide' }).answer;
    if (!yes) return;
    try {
      await adminApi.decide(d.disputeId, decision);
    } catch (e) {
      if (isSignedOut(e)) return ctx.failed(e);
      return error.say(formMessage(e, { note: 'Note', amount: 'Amount' }));
    }
    ctx.ui.toast({ title: 'Decided', icon: 'success', durationMs: 1500 });
    await decided();
  });
  const choices = el('fieldset', 'desk-reason-row desk-events', el('legend', 'desk-legend', 'Decision'), release.label, refund.label);
  const form = el('div', 'desk-inline-form', note('The money stays held until you decide.'), choices, amountField, field('Note', why), error, el('div', 'desk-form-actions', go));
  form.dataset.testid = 'dispute-decision';
  return form;
}
