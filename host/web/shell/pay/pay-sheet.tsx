/** @jsxImportSource preact */
/**
 * The host's payment sheet, drawn when a program asks for payment: who is paid (the host's names
 * for the app and its merchant), the items and the total from the host's copy of the order, the
 * wallet balance, and the PIN pad. Nothing in it comes from the program. It pays with
 * `POST /api/orders/<id>/pay`, then finishes the prompt: true once paid, false when the user
 * cancels (the host checks the books either way and tells the program).
 *
 * On the way it may set a first PIN, top up a short balance from a card, or say that the wallet is
 * locked or the order expired. Which step comes next is decided in ../pay-state.ts.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatMoney } from '../../../../lib/money.ts';
import { isSupportedCurrency } from '../../../../sdk/contract/currencies.ts';
import type { ShellMessage } from '../../../sessions/browser.ts';
import { api, must } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { ApiError } from '../../common/http.ts';
import { FormError, useForm, useSite } from '../../kit/index.ts';
import { loadWallet } from '../api.ts';
import { afterPayError, firstStep, suggestedTopUp } from '../pay-state.ts';
import { PinEntry, PinPad } from './pin-pad.tsx';
import { Done, Ended, Method, Sheet, useSteps } from './sheet.tsx';
import { TopUpForm } from './top-up.tsx';

export type PaymentPrompt = Extract<ShellMessage, { kind: 'payment' }>;

/** How long "Paid" stays on the sheet before it goes. */
const PAID_MS = 900;

type Step =
  | { step: 'wait' }
  | { step: 'pay'; balance: number; message?: string }
  | { step: 'short'; balance: number; message: string }
  | { step: 'top-up'; balance: number }
  | { step: 'set-pin' }
  | { step: 'ended'; message: string; retry?: boolean }
  | { step: 'paid' };

export interface PaySheetProps {
  prompt: PaymentPrompt;
  /** The user's answer; the sheet goes `afterMs` later (so "Paid" is seen). */
  finish(paid: boolean, afterMs?: number): void;
}

export function PaySheet({ prompt: m, finish }: PaySheetProps) {
  const { ui } = useSite();
  const { step: s, turn, go } = useSteps<Step>({ step: 'wait' });
  const paying = useSignal(false);
  /** The provider moves no real money, so the top-up form may name its test cards. */
  const testCards = useRef(false);
  const money = (n: number) => formatMoney(n, m.currency);

  async function start(): Promise<void> {
    go({ step: 'wait' });
    try {
      const wallet = await loadWallet();
      testCards.current = wallet.sandbox;
      const first = firstStep(wallet, m.amount, m.currency);
      if (first.step === 'set-pin') go({ step: 'set-pin' });
      else if (first.step === 'locked') go({ step: 'ended', message: `Too many wrong PINs: the wallet is locked until ${formatDateTime(first.until)}.` });
      else showPay(first.balance);
    } catch (e) {
      go({ step: 'ended', message: (e as Error).message, retry: true });
    }
  }
  useEffect(() => void start(), []);

  /** The PIN pad, or the way to top up when the balance is short. */
  function showPay(balance: number, message?: string): void {
    const short = m.amount - balance;
    go(short > 0 ? { step: 'short', balance, message: message ?? `Your balance is ${money(short)} short.` } : { step: 'pay', balance, message });
  }

  /** Pays with `pin`: what to say when the PIN is to be entered again, else null (the sheet moved on). */
  async function pay(pin: string, balance: number): Promise<string | null> {
    paying.value = true;
    try {
      await must(api.POST('/api/orders/{orderId}/pay', { params: { path: { orderId: m.orderId } }, body: { pin } }));
    } catch (e) {
      paying.value = false;
      const next = afterPayError(e instanceof ApiError ? e : { code: 'internal', message: (e as Error).message });
      if (next.then === 'retry' || next.then === 'error') return next.message;
      if (next.then === 'set-pin') go({ step: 'set-pin' });
      else if (next.then === 'top-up') await loadWallet().then((w) => showPay(w.balances[m.currency] ?? 0, next.message), () => showPay(balance, next.message));
      else go({ step: 'ended', message: next.message });
      return null;
    }
    paying.value = false;
    go({ step: 'paid' });
    finish(true, PAID_MS);
    return null;
  }

  return (
    <Sheet title="Atrium Pay" testid="payment-sheet" closeLabel="Cancel payment" canClose={!paying.value && s.step !== 'paid'} close={() => finish(false)}>
      <div class="shell-pay-merchant">{`Pay ${m.merchantName}`}</div>
      {m.appName !== m.merchantName && <div class="shell-pay-app">{`for ${m.appName}`}</div>}
      <div class="shell-pay-amount">{money(m.amount)}</div>
      <Expiry at={m.expiresAt} />
      <ul class="shell-pay-items" aria-label="Items">
        {m.items.map((i) => (
          <li class="shell-pay-item">
            <span class="shell-pay-item-name">{`${i.name} × ${i.quantity}`}</span>
            <span class="shell-pay-item-amount">{money(i.quantity * i.unitAmount)}</span>
          </li>
        ))}
      </ul>
      {s.step === 'pay' || s.step === 'short' ? <Method label="Pay with" value={`Wallet balance ${money(s.balance)}`} /> : s.step === 'top-up' ? <Method label="Top up your wallet" value={`Balance ${money(s.balance)}`} /> : <Method />}
      <div class="shell-pay-body" key={turn}>
        {body(s)}
      </div>
    </Sheet>
  );

  function body(s: Step) {
    switch (s.step) {
      case 'wait':
        return <div class="shell-pay-wait">Opening your wallet…</div>;
      case 'pay':
        return (
          <>
            <div class="shell-pay-prompt">Enter your payment PIN</div>
            <PinEntry label="Payment PIN" message={s.message} busy={paying.value} send={(pin) => pay(pin, s.balance)} />
          </>
        );
      case 'short':
        return (
          <>
            <p class="shell-pay-note" role="alert">
              {s.message}
            </p>
            {isSupportedCurrency(m.currency) && (
              <button type="button" class="shell-primary shell-submit" onClick={() => go({ step: 'top-up', balance: s.balance })}>
                Top up
              </button>
            )}
          </>
        );
      case 'top-up':
        return (
          isSupportedCurrency(m.currency) && (
            <TopUpForm
              currency={m.currency}
              amount={suggestedTopUp(m.amount - s.balance, m.currency)}
              submitText="Top up"
              autofocus
              testCards={testCards.current}
              cancel={{ text: 'Back', onClick: () => showPay(s.balance) }}
              done={(t) => {
                ui.toast({ title: `Topped up ${formatMoney(t.amount, t.currency)}`, icon: 'success', durationMs: 1500 });
                void loadWallet().then(
                  (w) => showPay(w.balances[m.currency] ?? 0),
                  () => showPay(s.balance + t.amount),
                );
              }}
            />
          )
        );
      case 'set-pin':
        return <SetPin chosen={() => void loadWallet().then((w) => showPay(w.balances[m.currency] ?? 0), () => showPay(0))} />;
      case 'ended':
        return <Ended message={s.message} close={() => finish(false)} retry={s.retry ? () => void start() : undefined} />;
      case 'paid':
        return <Done text="Paid" />;
    }
  }
}

/** "Pay by 14:32": the order expires then, and the sheet says so rather than failing late. */
function Expiry({ at }: { at: string }) {
  const when = new Date(at);
  return (
    <div class="shell-pay-expires" data-testid="pay-expires">
      {Number.isNaN(when.getTime()) ? '' : `Pay by ${when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
    </div>
  );
}

/** No PIN yet: choose one, the same twice, and it is set. */
function SetPin({ chosen }: { chosen(): void }) {
  const { ui } = useSite();
  const form = useForm();
  const first = useSignal<string | null>(null);
  const attempt = useSignal(0);

  async function entered(pin: string): Promise<void> {
    attempt.value++;
    if (first.value === null) {
      first.value = pin;
      return;
    }
    const again = first.value;
    first.value = null;
    if (pin !== again) return form.say('The two PINs were different. Choose one again.');
    if (!(await form.submit(() => must(api.POST('/api/wallet/pin', { body: { pin } })).then(() => {})))) return;
    ui.toast({ title: 'PIN set', icon: 'success', durationMs: 1200 });
    chosen();
  }

  return (
    <>
      <div class="shell-pay-prompt">{first.value === null ? 'Set a 6-digit payment PIN' : 'Enter the same PIN again'}</div>
      <p class="shell-pay-note">{first.value === null ? 'You will enter it to confirm every payment from your wallet.' : 'To be sure it is the one you meant.'}</p>
      <PinPad key={attempt.value} label="New payment PIN" busy={form.busy.value} onComplete={(pin) => void entered(pin)} />
      <FormError form={form} />
    </>
  );
}
