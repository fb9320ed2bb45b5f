/** @jsxImportSource preact */
/**
 * Topping up the wallet from a card, on the Wallet page and in the payment sheet: an amount and a
 * card number, then, when the card's bank asks for it, the code it sent (3-D Secure). One
 * idempotency key per attempt, so a retry after a lost answer never charges twice; a changed
 * amount or card is a new attempt.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../lib/money.ts';
import type { CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { ApiError, idempotencyKey } from '../../common/http.ts';
import { bind, Form, FormError, Invalid, Submit, TextInput, useForm } from '../../kit/index.ts';

type TopUp = Schemas['TopUp'];

export interface TopUpProps {
  currency: CurrencyCode;
  /** Minor units to suggest. */
  amount?: number;
  submitText?: string;
  /** The money is in the wallet. */
  done(topUp: TopUp): void;
  /** Puts the cursor in the first field (in the sheet; not on a page that just opened). */
  autofocus?: boolean;
  /** Shown beside the submit button (the sheet's way back). */
  cancel?: { text: string; onClick(): void };
  /** Name the provider's test cards (only when it moves no real money). */
  testCards?: boolean;
}

export function TopUpForm(o: TopUpProps) {
  const challenged = useSignal<TopUp | null>(null);
  return (
    <div class="shell-top-up">
      {challenged.value ? <Challenge topUp={challenged.value} done={o.done} back={() => (challenged.value = null)} /> : <CardForm {...o} challenged={(t) => (challenged.value = t)} />}
    </div>
  );
}

function CardForm({ currency, amount: suggested, submitText = 'Top up', done, autofocus, cancel, testCards, challenged }: TopUpProps & { challenged(t: TopUp): void }) {
  const form = useForm({ amount: 'Amount', card: 'Card number' });
  const amount = useSignal(suggested ? moneyInputValue(suggested, currency) : '');
  const card = useSignal('');
  const key = useRef('');
  // Another amount or card is another top-up, under its own key.
  useEffect(() => void (key.current = idempotencyKey()), [amount.value, card.value]);

  async function topUp(): Promise<void> {
    const minor = parseMoney(amount.value, currency);
    if (minor === null) throw new Invalid(`Amount: give an amount in ${currency}, like 100 or 100.50.`);
    let t: TopUp;
    try {
      t = await must(api.POST('/api/wallet/topups', { body: { amount: minor, currency, card: card.value.replace(/[\s-]/g, ''), idempotencyKey: key.current } }));
    } catch (e) {
      // A definite answer (declined, invalid) ends the attempt; a lost one is retried under the same key.
      if (!(e instanceof ApiError && e.code === 'network_error')) key.current = idempotencyKey();
      throw e;
    }
    if (t.status === 'challenge') return challenged(t);
    if (t.status === 'succeeded') return done(t);
    throw new Invalid('The card was declined.');
  }

  const submit = (
    <Submit form={form} class="shell-primary shell-submit">
      {submitText}
    </Submit>
  );
  return (
    <Form form={form} onSubmit={topUp} class="shell-form" validate>
      <TextInput label={`Amount (${currency})`} focus={autofocus} name="amount" inputMode="decimal" autocomplete="off" required placeholder="100.00" {...bind(amount)} />
      <TextInput
        label="Card number"
        hint={testCards ? 'Test cards: 4242 4242 4242 4242 is approved; 4000 0000 0000 3220 asks for a code.' : undefined}
        name="card"
        inputMode="numeric"
        autocomplete="cc-number"
        required
        maxLength={23}
        placeholder="4242 4242 4242 4242"
        {...bind(card)}
      />
      <FormError form={form} />
      {cancel ? (
        <div class="shell-form-actions">
          <button type="button" class="shell-secondary" onClick={cancel.onClick}>
            {cancel.text}
          </button>
          {submit}
        </div>
      ) : (
        submit
      )}
    </Form>
  );
}

/** The bank wants the holder to prove themselves: its prompt, a code, then the money. */
function Challenge({ topUp: t, done, back }: { topUp: TopUp; done(t: TopUp): void; back(): void }) {
  const form = useForm({ code: 'Code' });
  const code = useSignal('');
  const declined = useSignal(false);

  async function confirm(): Promise<void> {
    let after: TopUp;
    try {
      after = await must(api.POST('/api/wallet/topups/{topUpId}/confirm', { params: { path: { topUpId: t.topUpId } }, body: { code: code.value.trim() } }));
    } catch (e) {
      // A wrong code declines the charge for good: start again.
      if (e instanceof ApiError && e.code === 'payment_declined') declined.value = true;
      throw e;
    }
    if (after.status !== 'succeeded') throw new Invalid('The card was declined.');
    done(after);
  }

  return (
    <Form form={form} onSubmit={confirm} class="shell-form" testid="top-up-challenge" validate>
      <p class="shell-top-up-prompt">{t.prompt ?? 'Enter the code your bank sent.'}</p>
      <TextInput label="Code" focus name="code" inputMode="numeric" autocomplete="one-time-code" required maxLength={12} {...bind(code)} />
      <FormError form={form} />
      <div class="shell-form-actions">
        <button type="button" class="shell-secondary" onClick={back}>
          {declined.value ? 'Try again' : 'Use another card'}
        </button>
        <Submit form={form} class="shell-primary shell-submit">
          {`Confirm ${formatMoney(t.amount, t.currency)}`}
        </Submit>
      </div>
    </Form>
  );
}
