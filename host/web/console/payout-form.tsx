/** @jsxImportSource preact */
/**
 * Withdrawing to a card: an amount of the available balance and a card number, sent with one
 * `Idempotency-Key` per attempt. A lost answer keeps the key, so trying again never pays out
 * twice; a definite one (sent, refused, or a refusal of the form) ends the attempt.
 */
import { useSignal } from '@preact/signals';
import { formatMoney, parseMoney } from '../../../lib/money.ts';
import type { CurrencyCode } from '../../../sdk/contract/currencies.ts';
import { api, must } from '../api/client.ts';
import { ApiError } from '../common/http.ts';
import { cardDigits, withdrawalOutcome } from '../common/withdrawals.ts';
import { Note, Panel } from '../desk/ui.tsx';
import { Form, FormError, Invalid, Select, Submit, TextInput, useForm } from '../kit/index.ts';
import { useIntentKey } from './intent-key.ts';

interface Props {
  /** The available balance by currency, minor units. */
  available: Partial<Record<CurrencyCode, number>>;
  /** The card provider moves no real money: name its test cards. */
  testCards: boolean;
  /** A payout went out; `said` says where to. */
  sent(said: string): void;
  /** A payout was refused and its money came back. */
  refused(): void;
}

const LABELS = { amount: 'Amount', card: 'Card number', currency: 'Currency' };

export function PayoutForm({ available, testCards, sent, refused }: Props) {
  const held = (Object.keys(available) as CurrencyCode[]).filter((c) => (available[c] ?? 0) > 0).sort();
  const currencies: CurrencyCode[] = held.length ? held : ['CNY'];
  const form = useForm(LABELS);
  const chosen = useSignal(currencies[0]!);
  const currency = currencies.includes(chosen.value) ? chosen.value : currencies[0]!;
  const amount = useSignal('');
  const card = useSignal('');
  // Another amount, card or currency is another payout, under its own key.
  const key = useIntentKey();
  const left = available[currency] ?? 0;

  async function withdraw(): Promise<void> {
    const minor = parseMoney(amount.value, currency);
    if (minor === null) throw new Invalid(`Amount: give an amount in ${currency}, like 100 or 100.50.`);
    if (minor > left) throw new Invalid(`Amount: ${formatMoney(left, currency)} is available.`);
    const digits = cardDigits(card.value);
    if (digits === null) throw new Invalid('Card number: 12 to 19 digits.');
    const params = { header: { 'idempotency-key': key.current } };
    let payout;
    try {
      payout = (await must(api.POST('/api/merchant/payouts', { params, body: { amount: minor, currency, card: digits } }))).payout;
    } catch (e) {
      const code = e instanceof ApiError ? e.code : null;
      if (code !== 'network_error' && code !== 'internal') key.renew();
      // A refused card is a payout of its own, failed: the list and the statement show it.
      if (code === 'payment_declined') refused();
      if (code === 'insufficient_funds') throw new Invalid(`Your available balance is too low for this: ${formatMoney(left, currency)}.`);
      throw e;
    }
    key.renew();
    if (payout.status === 'failed') {
      refused();
      throw new Invalid(withdrawalOutcome(payout, 'balance'));
    }
    amount.value = card.value = '';
    sent(withdrawalOutcome(payout, 'balance'));
  }

  const typed = (into: typeof amount) => (e: { currentTarget: HTMLInputElement }) => {
    into.value = e.currentTarget.value;
    key.renew();
  };
  return (
    <Panel title="Withdraw to card">
      <Form form={form} onSubmit={withdraw} class="desk-form" testid="payout-form">
        <Note>From your available balance; held money becomes available when its orders settle.</Note>
        {currencies.length > 1 && (
          <Select
            label="Currency"
            name="currency"
            options={currencies.map((c) => ({ value: c, text: c }))}
            value={currency}
            onChange={(e) => {
              chosen.value = e.currentTarget.value as CurrencyCode;
              key.renew();
            }}
          />
        )}
        <TextInput label={`Amount (${currency})`} hint={`${formatMoney(left, currency)} available.`} name="amount" inputMode="decimal" autocomplete="off" required placeholder="100.00" value={amount} onInput={typed(amount)} />
        <TextInput
          label="Card number"
          hint={testCards ? 'Test cards: 4242 4242 4242 4242 receives the money; 4000 0000 0000 0069 refuses it.' : undefined}
          name="card"
          inputMode="numeric"
          autocomplete="off"
          required
          maxLength={23}
          placeholder="4242 4242 4242 4242"
          value={card}
          onInput={typed(card)}
        />
        <FormError form={form} />
        <div class="desk-form-actions">
          <Submit form={form} class="shell-primary desk-inline-button">
            Withdraw
          </Submit>
        </div>
      </Form>
    </Panel>
  );
}
