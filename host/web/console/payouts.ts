/**
 * Withdrawing to a card, on the Balance page: a form for an amount of the available balance and a
 * card, sent with one `Idempotency-Key` per attempt (kept when the answer was lost, so a retry never
 * pays out twice), and the payouts so far with their status.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import { ApiError, formMessage, idempotencyKey, isSignedOut } from '../common/http.ts';
import { formatDateTime } from '../common/format.ts';
import { formatMoney, parseMoney } from '../../../lib/money.ts';
import { cardDigits, withdrawalOutcome, withdrawalStatusLabel } from '../common/withdrawals.ts';
import type { DeskContext } from '../desk/dom/context.ts';
import { actionButton, badge, failure, field, formError, input, loading, note, panel, select } from '../desk/dom/ui.ts';
import { paymentsApi, type WithdrawalView } from './payments-api.ts';

export interface PayoutOptions {
  /** The available balance by currency, minor units. */
  available: Record<string, number>;
  /** A payout went out: the page reloads (balance, statement, this) and says `said`. */
  sent(said: string): void;
  /** A payout was refused and its money came back: the statement has both lines. */
  refused(): void;
  /** False once the page has gone. */
  alive(): boolean;
  /** Name the provider's test cards (only when it moves no real money). */
  testCards?: boolean;
}

/** The payouts list beside the form to send one. */
export function payoutPanels(ctx: DeskContext<unknown>, o: PayoutOptions): HTMLElement {
  const list = el('div', 'desk-slot', loading());
  void loadList();
  const refused = () => {
    void loadList();
    o.refused();
  };
  return el('div', 'desk-columns desk-payouts', panel('Payouts', list), payoutForm(ctx, o, refused));

  async function loadList(): Promise<void> {
    let payouts: WithdrawalView[];
    try {
      payouts = await paymentsApi.payouts();
    } catch (e) {
      if (!o.alive()) return;
      list.replaceChildren(failure("Couldn't load your payouts", e, () => void loadList()));
      return ctx.failed(e);
    }
    if (!o.alive()) return;
    if (!payouts.length) return void list.replaceChildren(note('None yet. Money you withdraw to a card shows here.'));
    list.replaceChildren(
      el('table', 'desk-table', el('thead', '', el('tr', '', el('th', '', 'When'), el('th', '', 'To'), el('th', '', 'Status'), el('th', 'desk-num', 'Amount'))), el('tbody', '', ...payouts.map(row))),
    );
  }
}

function row(p: WithdrawalView): HTMLElement {
  const label = withdrawalStatusLabel(p);
  const status = el('td', '', badge(label.text, label.tone));
  if (p.status === 'failed') status.append(el('div', 'desk-payout-reason', `${p.reason ?? 'The card refused it.'} The money is back in your balance.`));
  const tr = el('tr', '', el('td', 'desk-nowrap', formatDateTime(p.createdAt)), el('td', 'desk-nowrap', p.card), status, el('td', 'desk-num', formatMoney(p.amount, p.currency)));
  tr.dataset.testid = `payout-${p.withdrawalId}`;
  tr.dataset.status = p.status;
  return tr;
}

function payoutForm(ctx: DeskContext<unknown>, o: PayoutOptions, refused: () => void): HTMLElement {
  const held = Object.keys(o.available).filter((c) => (o.available[c] ?? 0) > 0).sort();
  const currencies = held.length ? held : ['CNY'];
  const slot = el('div', 'desk-slot');
  draw(currencies[0]!);
  return panel('Withdraw to card', slot);

  function draw(currency: string): void {
    const left = o.available[currency] ?? 0;
    let key = idempotencyKey();
    const pick = select(currencies.map((c) => ({ value: c, text: c })), { name: 'currency' });
    pick.value = currency;
    pick.addEventListener('change', () => draw(pick.value));
    const amount = input({ name: 'amount', inputMode: 'decimal', autocomplete: 'off', required: true, placeholder: '100.00' });
    const card = input({ name: 'card', inputMode: 'numeric', autocomplete: 'off', required: true, maxLength: 23, placeholder: '4242 4242 4242 4242' });
    // Another amount or card is another payout, under its own key.
    for (const f of [amount, card]) f.addEventListener('input', () => (key = idempotencyKey()));
    const error = formError();
    const go = actionButton('shell-primary desk-inline-button', 'Withdraw', async () => {
      error.say(null);
      const minor = parseMoney(amount.value, currency);
      if (minor === null) return error.say(`Amount: give an amount in ${currency}, like 100 or 100.50.`);
      if (minor > left) return error.say(`Amount: ${formatMoney(left, currency)} is available.`);
      const digits = cardDigits(card.value);
      if (digits === null) return error.say('Card number: 12 to 19 digits.');
      let p: WithdrawalView;
      try {
        p = await paymentsApi.payout({ amount: minor, currency, card: digits }, key);
      } catch (e) {
        if (isSignedOut(e)) return ctx.failed(e);
        // A definite answer ends the attempt; a lost one is retried under the same key.
        if (!(e instanceof ApiError && (e.code === 'network_error' || e.code === 'internal'))) key = idempotencyKey();
        // A refused card is a payout of its own, failed: the list shows it.
        if (e instanceof ApiError && e.code === 'payment_declined') refused();
        if (e instanceof ApiError && e.code === 'insufficient_funds') return error.say(`Your available balance is too low for this: ${formatMoney(left, currency)}.`);
        return error.say(formMessage(e, { amount: 'Amount', card: 'Card number', currency: 'Currency' }));
      }
      key = idempotencyKey();
      if (p.status === 'failed') {
        refused();
        return error.say(withdrawalOutcome(p, 'balance'));
      }
      o.sent(withdrawalOutcome(p, 'balance'));
    });
    const fields = [field(`Amount (${currency})`, amount, `${formatMoney(left, currency)} available.`), field('Card number', card, o.testCards ? 'Test cards: 4242 4242 4242 4242 receives the money; 4000 0000 0000 0069 refuses it.' : undefined)];
    if (currencies.length > 1) fields.unshift(field('Currency', pick));
    const form = el('div', 'desk-form', note('From your available balance; held money becomes available when its orders settle.'), ...fields, error, el('div', 'desk-form-actions', go));
    form.dataset.testid = 'payout-form';
    slot.replaceChildren(form);
  }
}
