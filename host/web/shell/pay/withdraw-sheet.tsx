/** @jsxImportSource preact */
/**
 * Withdrawing from the wallet to a card, in a sheet over the Wallet page, the way the payment sheet
 * looks: the amount and the card, then the payment PIN on the number pad, then the host's answer.
 * One idempotency key per attempt: a PIN entered again after a lost answer sends under the same key,
 * so the money never leaves twice; another amount or card, or an answered attempt, takes a new one.
 * Where it goes after a refusal is decided in ../withdraw-state.ts.
 */
import { useSignal, type Signal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../lib/money.ts';
import type { CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { ApiError, formMessage, idempotencyKey } from '../../common/http.ts';
import { cardDigits, maskedCard, withdrawalOutcome } from '../../common/withdrawals.ts';
import { bind, Form, FormError, Invalid, Submit, TextInput, useForm } from '../../kit/index.ts';
import { loadWallet } from '../api.ts';
import { afterWithdrawError } from '../withdraw-state.ts';
import { PinEntry } from './pin-pad.tsx';
import { Done, Ended, Method, Sheet, useSteps } from './sheet.tsx';

type Withdrawal = Schemas['Withdrawal'];

export interface WithdrawProps {
  currency: CurrencyCode;
  /** What the wallet holds in `currency`, in minor units. */
  balance: number;
  /** Name the provider's test cards (only when it moves no real money). */
  testCards: boolean;
  /** The host recorded a withdrawal (sent, on its way or refused): the page behind reloads. */
  changed(): void;
  close(): void;
}

type Step = { step: 'form'; message?: string } | { step: 'pin'; amount: number; card: string } | { step: 'done'; withdrawal: Withdrawal } | { step: 'ended'; message: string };

const LABELS = { amount: 'Amount', card: 'Card number' };

export function WithdrawSheet({ currency, balance: held, testCards, changed, close }: WithdrawProps) {
  const { step: s, turn, go } = useSteps<Step>({ step: 'form' });
  const balance = useSignal(held);
  const busy = useSignal(false);
  /** What was typed, to fill the form again when coming back to it. */
  const amount = useSignal('');
  const card = useSignal('');
  /** The attempt being sent; the same amount and card keep its key until the host has answered. */
  const attempt = useRef<{ amount: number; card: string; key: string } | null>(null);
  const money = (n: number) => formatMoney(n, currency);

  async function refreshBalance(): Promise<void> {
    const w = await loadWallet().catch(() => null);
    if (w) balance.value = w.balances[currency] ?? 0;
  }

  function next(): void {
    const minor = parseMoney(amount.value, currency);
    if (minor === null) throw new Invalid(`Amount: give an amount in ${currency}, like 100 or 100.50.`);
    if (minor > balance.value) throw new Invalid(`Your balance is too low for this: you have ${money(balance.value)}.`);
    const digits = cardDigits(card.value);
    if (digits === null) throw new Invalid('Card number: 12 to 19 digits.');
    if (attempt.current?.amount !== minor || attempt.current.card !== digits) attempt.current = { amount: minor, card: digits, key: idempotencyKey() };
    go({ step: 'pin', amount: minor, card: digits });
  }

  /** Sends the attempt with `pin`: what to say when the PIN is to be entered again, else null (the sheet moved on). */
  async function send(pin: string): Promise<string | null> {
    const a = attempt.current!;
    busy.value = true;
    let w: Withdrawal;
    try {
      w = await must(api.POST('/api/wallet/withdrawals', { body: { amount: a.amount, currency, card: a.card, pin, idempotencyKey: a.key } }));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'internal';
      // A refused card is recorded, its money back: the list behind shows it.
      if (code === 'payment_declined') changed();
      if (code === 'payment_declined' || code === 'insufficient_funds') await refreshBalance();
      const then = afterWithdrawError({ code, message: formMessage(e, LABELS) }, money(balance.value));
      // The PIN again is the same attempt, under the same key; anything else starts a new one.
      if (then.then !== 'pin') attempt.current = null;
      busy.value = false;
      if (then.then === 'pin') return then.message;
      go(then.then === 'form' ? { step: 'form', message: then.message } : { step: 'ended', message: then.message });
      return null;
    }
    attempt.current = null;
    changed();
    if (w.status === 'failed') await refreshBalance();
    busy.value = false;
    go(w.status === 'failed' ? { step: 'form', message: withdrawalOutcome(w, 'wallet') } : { step: 'done', withdrawal: w });
    return null;
  }

  return (
    <Sheet title="Withdraw to card" testid="withdraw-sheet" class="shell-withdraw-sheet" closeLabel="Close" canClose={!busy.value} close={close}>
      {s.step === 'form' ? (
        <Method label={`Wallet balance · ${currency}`} value={money(balance.value)} />
      ) : s.step === 'pin' ? (
        <Method label="To card" value={maskedCard(s.card)} />
      ) : (
        <Method />
      )}
      <div class="shell-pay-body" key={turn}>
        {s.step === 'form' && (
          <AmountAndCard
            currency={currency}
            placeholder={balance.value > 0 ? moneyInputValue(balance.value, currency) : '100.00'}
            testCards={testCards}
            message={s.message}
            amount={amount}
            card={card}
            next={next}
            cancel={close}
          />
        )}
        {s.step === 'pin' && (
          <>
            <div class="shell-pay-amount">{money(s.amount)}</div>
            <div class="shell-pay-prompt">Enter your payment PIN</div>
            <button type="button" class="shell-link-button shell-withdraw-change" disabled={busy.value} onClick={() => go({ step: 'form' })}>
              Change amount or card
            </button>
            <PinEntry label="Payment PIN" busy={busy.value} send={send} />
          </>
        )}
        {s.step === 'done' && <Sent withdrawal={s.withdrawal} close={close} />}
        {s.step === 'ended' && <Ended message={s.message} close={close} />}
      </div>
    </Sheet>
  );
}

interface AmountAndCardProps {
  currency: CurrencyCode;
  placeholder: string;
  testCards: boolean;
  /** Why the sheet came back here. */
  message?: string;
  amount: Signal<string>;
  card: Signal<string>;
  next(): void;
  cancel(): void;
}

/** The amount and the card, checked before the PIN is asked for. */
function AmountAndCard({ currency, placeholder, testCards, message, amount, card, next, cancel }: AmountAndCardProps) {
  const form = useForm(LABELS);
  useLayoutEffect(() => form.say(message ?? null), []);
  return (
    <Form form={form} onSubmit={async () => next()} class="shell-form" validate>
      <TextInput label={`Amount (${currency})`} focus={!message} name="amount" inputMode="decimal" autocomplete="off" required placeholder={placeholder} {...bind(amount)} />
      <TextInput
        label="Card number"
        hint={testCards ? 'Test cards: 4242 4242 4242 4242 receives the money; 4000 0000 0000 0069 refuses it.' : undefined}
        name="card"
        inputMode="numeric"
        autocomplete="cc-number"
        required
        maxLength={23}
        placeholder="4242 4242 4242 4242"
        {...bind(card)}
      />
      <FormError form={form} />
      <div class="shell-form-actions">
        <button type="button" class="shell-secondary shell-submit" onClick={cancel}>
          Cancel
        </button>
        <Submit form={form} class="shell-primary shell-submit">
          Next
        </Submit>
      </div>
    </Form>
  );
}

/** Sent (or on its way): what, where, and the way out. */
function Sent({ withdrawal: w, close }: { withdrawal: Withdrawal; close(): void }) {
  const ok = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => ok.current?.focus({ preventScroll: true }), []);
  const sent = w.status === 'succeeded';
  return (
    <>
      <Done text={sent ? 'Sent' : 'On its way'} pending={!sent} />
      <p class="shell-pay-note shell-withdraw-outcome" role="status" data-testid="withdraw-outcome">
        {withdrawalOutcome(w, 'wallet')}
      </p>
      <button ref={ok} type="button" class="shell-primary shell-submit" onClick={close}>
        Done
      </button>
    </>
  );
}
