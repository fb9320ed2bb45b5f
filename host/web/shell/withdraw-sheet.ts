/**
 * Withdrawing from the wallet to a card, in a sheet over the Wallet page, the way the payment sheet
 * looks: the amount and the card, then the payment PIN on the number pad, then the host's answer.
 * One idempotency key per attempt: a PIN entered again after a lost answer sends under the same key,
 * so the money never leaves twice; another amount or card, or an answered attempt, takes a new one.
 */
import { button, el, type Overlays } from '../../../sdk/view/chrome/index.ts';
import { formMessage, idempotencyKey } from '../common/http.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../../lib/money.ts';
import { cardDigits, maskedCard, withdrawalOutcome } from '../common/withdrawals.ts';
import { api, type WithdrawalView } from './api.ts';
import { errorLine, field, submitting } from './form.ts';
import { pinPad } from './pin-pad.ts';
import { afterWithdrawError } from './withdraw-state.ts';

export interface WithdrawOptions {
  currency: string;
  /** What the wallet holds in `currency`, in minor units. */
  balance: number;
  /** The host recorded a withdrawal (sent, on its way or refused): the page behind reloads. */
  changed(): void;
  /** Name the provider's test cards (only when it moves no real money). */
  testCards?: boolean;
}

export interface WithdrawSheet {
  close(): void;
}

const LABELS = { amount: 'Amount', card: 'Card number' };

export function withdrawSheet(ui: Overlays, o: WithdrawOptions): WithdrawSheet {
  let open = true;
  let busy = false;
  let balance = o.balance;
  /** What was typed, to fill the form again when coming back to it. */
  const typed = { amount: '', card: '' };
  /** The attempt being sent; the same amount and card keep its key until the host has answered. */
  let attempt: { amount: number; card: string; key: string } | null = null;
  const money = (n: number) => formatMoney(n, o.currency);

  const close = button('shell-pay-close', finish);
  close.setAttribute('aria-label', 'Close');
  const title = el('div', 'shell-pay-title', 'Withdraw to card');
  title.id = 'withdraw-title';
  const method = el('div', 'shell-pay-method');
  const body = el('div', 'shell-pay-body');
  const box = el('div', 'shell-bottom-sheet shell-pay-sheet shell-withdraw-sheet', el('div', 'shell-pay-top', close, title), method, body);
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', title.id);
  box.dataset.testid = 'withdraw-sheet';
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !busy) finish();
  });
  ui.modalLayer.append(box);
  ui.modalLayer.hidden = false;
  drawForm();

  function finish(): void {
    if (!open) return;
    open = false;
    box.remove();
    ui.modalLayer.hidden = ui.modalLayer.childElementCount === 0;
  }

  function showBalance(): void {
    method.replaceChildren(el('span', 'shell-pay-method-label', `Wallet balance · ${o.currency}`), el('span', 'shell-pay-method-value', money(balance)));
  }

  /** The amount and the card; `message` says why the sheet came back here. */
  function drawForm(message?: string): void {
    showBalance();
    const amount = field(`Amount (${o.currency})`, { name: 'amount', inputMode: 'decimal', autocomplete: 'off', required: true, placeholder: balance > 0 ? moneyInputValue(balance, o.currency) : '100.00', value: typed.amount });
    const card = field('Card number', { name: 'card', inputMode: 'numeric', autocomplete: 'cc-number', required: true, maxLength: 23, placeholder: '4242 4242 4242 4242', value: typed.card }, o.testCards ? 'Test cards: 4242 4242 4242 4242 receives the money; 4000 0000 0000 0069 refuses it.' : undefined);
    const error = errorLine();
    const next = el('button', 'shell-primary shell-submit', 'Next');
    next.type = 'submit';
    const form = el('form', 'shell-form', amount.root, card.root, error, el('div', 'shell-form-actions', button('shell-secondary shell-submit', finish, 'Cancel'), next));
    submitting(form, next, async () => {
      error.say(null);
      typed.amount = amount.input.value;
      typed.card = card.input.value;
      const minor = parseMoney(amount.input.value, o.currency);
      if (minor === null) return error.say(`Amount: give an amount in ${o.currency}, like 100 or 100.50.`);
      if (minor > balance) return error.say(`Your balance is too low for this: you have ${money(balance)}.`);
      const digits = cardDigits(card.input.value);
      if (digits === null) return error.say('Card number: 12 to 19 digits.');
      drawPin(minor, digits);
    });
    body.replaceChildren(form);
    if (message) error.say(message);
    else amount.input.focus({ preventScroll: true });
  }

  /** The PIN confirms it; the sixth digit sends. */
  function drawPin(amount: number, card: string): void {
    if (!attempt || attempt.amount !== amount || attempt.card !== card) attempt = { amount, card, key: idempotencyKey() };
    method.replaceChildren(el('span', 'shell-pay-method-label', 'To card'), el('span', 'shell-pay-method-value', maskedCard(card)));
    const error = errorLine();
    const change = button('shell-link-button shell-withdraw-change', () => drawForm(), 'Change amount or card');
    const pad = pinPad({ label: 'Payment PIN', onComplete: (pin) => void send(pin) });
    body.replaceChildren(el('div', 'shell-pay-amount', money(amount)), el('div', 'shell-pay-prompt', 'Enter your payment PIN'), change, pad.root, error);
    pad.focus();

    async function send(pin: string): Promise<void> {
      const a = attempt!;
      setBusy(true);
      pad.busy(true);
      error.say(null);
      let w: WithdrawalView;
      try {
        w = await api.withdraw({ amount: a.amount, currency: o.currency, card: a.card, pin, idempotencyKey: a.key });
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'internal';
        // A refused card is recorded, its money back: the list behind shows it.
        if (code === 'payment_declined') o.changed();
        if (code === 'payment_declined' || code === 'insufficient_funds') await refreshBalance();
        const next = afterWithdrawError({ code, message: formMessage(e, LABELS) }, money(balance));
        // The PIN again is the same attempt, under the same key; anything else starts a new one.
        if (next.then !== 'pin') attempt = null;
        setBusy(false);
        if (!open) return;
        if (next.then === 'closed') return ended(next.message);
        if (next.then === 'form') return drawForm(next.message);
        pad.reset();
        return error.say(next.message);
      }
      attempt = null;
      o.changed();
      if (w.status === 'failed') await refreshBalance();
      setBusy(false);
      if (!open) return;
      if (w.status === 'failed') return drawForm(withdrawalOutcome(w, 'wallet'));
      drawDone(w);
    }
  }

  async function refreshBalance(): Promise<void> {
    const w = await api.wallet().catch(() => null);
    if (w) balance = w.balances[o.currency] ?? 0;
  }

  function setBusy(on: boolean): void {
    busy = on;
    close.disabled = on;
    for (const b of body.querySelectorAll<HTMLButtonElement>('.shell-withdraw-change')) b.disabled = on;
  }

  /** Sent (or on its way): what, where, and the way out. */
  function drawDone(w: WithdrawalView): void {
    method.replaceChildren();
    const sent = w.status === 'succeeded';
    const done = el('div', 'shell-pay-done', el('span', sent ? 'shell-pay-tick' : 'shell-pay-tick shell-withdraw-pending'), el('span', 'shell-pay-done-text', sent ? 'Sent' : 'On its way'));
    const said = el('p', 'shell-pay-note shell-withdraw-outcome', withdrawalOutcome(w, 'wallet'));
    said.setAttribute('role', 'status');
    said.dataset.testid = 'withdraw-outcome';
    const ok = button('shell-primary shell-submit', finish, 'Done');
    body.replaceChildren(done, said, ok);
    ok.focus({ preventScroll: true });
  }

  /** Nothing more to do here but close. */
  function ended(message: string): void {
    method.replaceChildren();
    const note = el('p', 'shell-pay-note', message);
    note.setAttribute('role', 'alert');
    body.replaceChildren(note, button('shell-secondary shell-submit', finish, 'Close'));
  }

  return { close: finish };
}
