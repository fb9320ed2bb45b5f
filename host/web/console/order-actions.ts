/**
 * What a merchant can do to an order from the console: mark it shipped, refund all or part of it,
 * approve or reject a buyer's refund request, answer a dispute. Each write keeps one
 * `Idempotency-Key` per intent (a form, a button), so a retry after a lost answer never refunds or
 * ships twice; the page reloads after each.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { formMessage, idempotencyKey, isSignedOut } from '../common/http.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../../lib/money.ts';
import { refundableLeft } from '../common/orders.ts';
import type { DeskContext } from '../desk/dom/context.ts';
import { actionButton, field, formError, input, note, textarea } from '../desk/dom/ui.ts';
import { paymentsApi, type OrderView, type RefundView } from './payments-api.ts';

type Done = (said: string) => Promise<void>;

/** Marks the order shipped, after asking. */
export function shipButton(ctx: DeskContext<unknown>, o: OrderView, done: Done): HTMLButtonElement {
  const key = idempotencyKey();
  return button('shell-primary desk-inline-button', () => {
    const release = o.holdUntilReceipt ? ' The money is released to you when the buyer confirms receipt, or by itself after a while.' : '';
    const d = ctx.ui.dialog({ kind: 'modal', title: 'Mark as shipped?', content: `The buyer sees the order as shipped.${release}`, confirmText: 'Mark shipped' });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await paymentsApi.ship(o.orderId, key);
      } catch (e) {
        return ctx.failed(e);
      }
      await done('Marked shipped');
    });
  }, 'Mark shipped');
}

/** A refund of all or part of what is left, with a reason the buyer sees. */
export function refundForm(ctx: DeskContext<unknown>, o: OrderView, done: Done): HTMLElement {
  const left = refundableLeft(o);
  let key = idempotencyKey();
  const amount = input({ name: 'amount', inputMode: 'decimal', required: true, value: moneyInputValue(left, o.currency) });
  const reason = textarea({ name: 'reason', required: true, minLength: 4, maxLength: 500, rows: 2, placeholder: 'The buyer sees this with the refund.' });
  const error = formError();
  const go = actionButton('desk-button desk-button-danger-solid', 'Refund', async () => {
    error.say(null);
    const minor = parseMoney(amount.value, o.currency);
    if (minor === null || minor > left) return error.say(`Amount: give an amount up to ${formatMoney(left, o.currency)}.`);
    if (reason.value.trim().length < 4) return error.say('Reason: at least 4 characters.');
    try {
      await paymentsApi.refund(o.orderId, { amount: minor, reason: reason.value.trim() }, key);
    } catch (e) {
      if (isSignedOut(e)) return ctx.failed(e);
      return error.say(formMessage(e, { amount: 'Amount', reason: 'Reason' }));
    }
    await done(`Refunded ${formatMoney(minor, o.currency)}`);
  });
  // Another amount or reason is another refund.
  for (const f of [amount, reason]) f.addEventListener('input', () => (key = idempotencyKey()));
  const form = el(
    'div',
    'desk-inline-form',
    note(`Up to ${formatMoney(left, o.currency)} is left to refund. It goes back to the buyer's wallet at once${o.releasedAt ? ', out of your available balance' : ', out of the held funds'}.`),
    field(`Amount (${o.currency})`, amount),
    field('Reason', reason),
    error,
    el('div', 'desk-form-actions', go),
  );
  form.dataset.testid = 'refund-form';
  return form;
}

/** Approve or reject a buyer's pending request. */
export function refundDecision(ctx: DeskContext<unknown>, o: OrderView, r: RefundView, done: Done): HTMLElement {
  const keys = { approve: idempotencyKey(), reject: idempotencyKey() };
  const decide = (approve: boolean) => () => {
    const amount = formatMoney(r.amount, o.currency);
    const d = ctx.ui.dialog({ kind: 'modal', title: approve ? `Refund ${amount}?` : 'Reject the request?', content: approve ? "It goes back to the buyer's wallet at once." : 'The buyer sees that you said no; they can still open a dispute while the money is held.', confirmText: approve ? 'Approve' : 'Reject' });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await paymentsApi.decideRefund(r.refundId, approve, approve ? keys.approve : keys.reject);
      } catch (e) {
        return ctx.failed(e);
      }
      await done(approve ? `Refunded ${amount}` : 'Request rejected');
    });
  };
  const approve = button('shell-primary desk-inline-button', decide(true), 'Approve');
  approve.setAttribute('aria-label', `Approve the refund of ${formatMoney(r.amount, o.currency)}`);
  const reject = button('desk-button desk-button-danger', decide(false), 'Reject');
  reject.setAttribute('aria-label', `Reject the refund of ${formatMoney(r.amount, o.currency)}`);
  return el('div', 'desk-action-buttons', approve, reject);
}

/** The merchant's side of a dispute, which the admin reads before deciding. */
export function disputeAnswerForm(ctx: DeskContext<unknown>, o: OrderView, done: Done): HTMLElement {
  const d = o.dispute!;
  let key = idempotencyKey();
  const answer = textarea({ name: 'answer', required: true, minLength: 4, maxLength: 500, value: d.answer ?? '', placeholder: 'What happened, from your side: tracking number, messages, photos you can point to.' });
  answer.addEventListener('input', () => (key = idempotencyKey()));
  const error = formError();
  const go = actionButton('shell-primary desk-inline-button', d.answer ? 'Update answer' : 'Send answer', async () => {
    error.say(null);
    if (answer.value.trim().length < 4) return error.say('Answer: at least 4 characters.');
    try {
      await paymentsApi.answerDispute(d.disputeId, answer.value.trim(), key);
    } catch (e) {
      if (isSignedOut(e)) return ctx.failed(e);
      return error.say(formMessage(e, { answer: 'Answer' }));
    }
    await done('Answer sent');
  });
  const form = el('div', 'desk-inline-form', note('Atrium reads your answer and the buyer’s reason, then refunds the buyer in full or in part, or releases the money to you.'), field('Your answer', answer), error, el('div', 'desk-form-actions', go));
  form.dataset.testid = 'dispute-answer';
  return form;
}
