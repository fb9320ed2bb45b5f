/**
 * Topping up the wallet from a card, on the Wallet page and in the payment sheet: an amount and a
 * card number, then, when the card's bank asks for it, the code it sent (3-D Secure). One
 * idempotency key per attempt, so a retry after a lost answer never charges twice; a changed
 * amount or card is a new attempt.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { formMessage, idempotencyKey } from '../common/http.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../../lib/money.ts';
import { api, ApiError, type TopUpView } from './api.ts';
import { errorLine, field, submitting } from './form.ts';

export interface TopUpOptions {
  currency: string;
  /** Minor units to suggest. */
  amount?: number;
  submitText?: string;
  /** The money is in the wallet. */
  done(topUp: TopUpView): void;
  /** Puts the cursor in the first field (in the sheet; not on a page that just opened). */
  autofocus?: boolean;
  /** Shown beside the submit button (the sheet's way back). */
  cancel?: { text: string; onClick(): void };
  /** Name the provider's test cards (only when it moves no real money). */
  testCards?: boolean;
}

export function topUpForm(o: TopUpOptions): HTMLElement {
  const root = el('div', 'shell-top-up');
  drawCard();
  return root;

  function drawCard(): void {
    let key = idempotencyKey();
    const amount = field(`Amount (${o.currency})`, { name: 'amount', inputMode: 'decimal', autocomplete: 'off', required: true, placeholder: '100.00', value: o.amount ? moneyInputValue(o.amount, o.currency) : '' });
    const card = field('Card number', { name: 'card', inputMode: 'numeric', autocomplete: 'cc-number', required: true, maxLength: 23, placeholder: '4242 4242 4242 4242' }, o.testCards ? 'Test cards: 4242 4242 4242 4242 is approved; 4000 0000 0000 3220 asks for a code.' : undefined);
    const error = errorLine();
    const submit = el('button', 'shell-primary shell-submit', o.submitText ?? 'Top up');
    submit.type = 'submit';
    const form = el('form', 'shell-form', amount.root, card.root, error, actions(submit));
    // Another amount or card is another top-up, under its own key.
    form.addEventListener('input', () => (key = idempotencyKey()));
    submitting(form, submit, async () => {
      error.say(null);
      const minor = parseMoney(amount.input.value, o.currency);
      if (minor === null) return error.say(`Amount: give an amount in ${o.currency}, like 100 or 100.50.`);
      try {
        const t = await api.topUp({ amount: minor, currency: o.currency, card: card.input.value.replace(/[\s-]/g, ''), idempotencyKey: key });
        if (t.status === 'challenge') return drawChallenge(t);
        if (t.status === 'succeeded') return o.done(t);
        error.say('The card was declined.');
      } catch (e) {
        // A definite answer (declined, invalid) ends the attempt; a lost one is retried under the same key.
        if (!(e instanceof ApiError && e.code === 'network_error')) key = idempotencyKey();
        error.say(formMessage(e, { amount: 'Amount', card: 'Card number' }));
      }
    });
    root.replaceChildren(form);
    if (o.autofocus) amount.input.focus({ preventScroll: true });
  }

  /** The bank wants the holder to prove themselves: its prompt, a code, then the money. */
  function drawChallenge(t: TopUpView): void {
    const code = field('Code', { name: 'code', inputMode: 'numeric', autocomplete: 'one-time-code', required: true, maxLength: 12 });
    const error = errorLine();
    const submit = el('button', 'shell-primary shell-submit', `Confirm ${formatMoney(t.amount, t.currency)}`);
    submit.type = 'submit';
    const back = button('shell-secondary', drawCard, 'Use another card');
    const form = el('form', 'shell-form', el('p', 'shell-top-up-prompt', t.prompt ?? 'Enter the code your bank sent.'), code.root, error, el('div', 'shell-form-actions', back, submit));
    form.dataset.testid = 'top-up-challenge';
    submitting(form, submit, async () => {
      error.say(null);
      try {
        const done = await api.confirmTopUp(t.topUpId, code.input.value.trim());
        if (done.status === 'succeeded') return o.done(done);
        error.say('The card was declined.');
      } catch (e) {
        error.say(formMessage(e, { code: 'Code' }));
        // A wrong code declines the charge for good: start again.
        if (e instanceof ApiError && e.code === 'payment_declined') back.textContent = 'Try again';
      }
    });
    root.replaceChildren(form);
    code.input.focus({ preventScroll: true });
  }

  function actions(submit: HTMLButtonElement): HTMLElement {
    if (!o.cancel) return submit;
    const { text, onClick } = o.cancel;
    return el('div', 'shell-form-actions', button('shell-secondary', onClick, text), submit);
  }
}
