/**
 * The host's payment sheet, drawn when a program asks for payment: who is paid (the host's names
 * for the app and its merchant), the items and the total from the host's copy of the order, the
 * wallet balance, and the PIN pad. Nothing in it comes from the program. It pays with
 * `POST /api/orders/<id>/pay`, then answers the prompt: true once paid, false when the user
 * cancels (the host checks the books either way and tells the program).
 *
 * On the way it may set a first PIN, top up a short balance from a card, or say that the wallet is
 * locked or the order expired.
 */
import { button, el, type Dialog, type Overlays } from '../../../sdk/view/chrome/index.ts';
import type { ShellMessage } from '../../sessions/browser.ts';
import { formatDateTime } from '../common/format.ts';
import { formatMoney } from '../../../lib/money.ts';
import { api, ApiError } from './api.ts';
import { errorLine } from './form.ts';
import { afterPayError, firstStep, suggestedTopUp } from './pay-state.ts';
import { pinPad } from './pin-pad.ts';
import { topUpForm } from './top-up.ts';

export type PaymentPrompt = Extract<ShellMessage, { kind: 'payment' }>;

/** How long "Paid" stays on the sheet before it slides away. */
const PAID_MS = 900;

/** "Pay by 14:32": the order expires then, and the sheet says so rather than failing late. */
function expiry(expiresAt: string): HTMLElement {
  const at = new Date(expiresAt);
  const line = el('div', 'shell-pay-expires', Number.isNaN(at.getTime()) ? '' : `Pay by ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`);
  line.dataset.testid = 'pay-expires';
  return line;
}

export function paymentSheet(ui: Overlays, m: PaymentPrompt): Dialog {
  let settle!: (answer: boolean | null) => void;
  const answer = new Promise<boolean | null>((r) => (settle = r));
  let open = true;
  let paying = false;
  const money = (n: number) => formatMoney(n, m.currency);

  const close = button('shell-pay-close', () => finish(false));
  close.setAttribute('aria-label', 'Cancel payment');
  const title = el('div', 'shell-pay-title', 'Atrium Pay');
  title.id = `pay-${m.promptId}`;
  const method = el('div', 'shell-pay-method');
  const body = el('div', 'shell-pay-body');
  const items = el(
    'ul',
    'shell-pay-items',
    ...m.items.map((i) => el('li', 'shell-pay-item', el('span', 'shell-pay-item-name', `${i.name} × ${i.quantity}`), el('span', 'shell-pay-item-amount', money(i.quantity * i.unitAmount)))),
  );
  items.setAttribute('aria-label', 'Items');
  const box = el(
    'div',
    'shell-bottom-sheet shell-pay-sheet',
    el('div', 'shell-pay-top', close, title),
    el('div', 'shell-pay-merchant', `Pay ${m.merchantName}`),
    ...(m.appName !== m.merchantName ? [el('div', 'shell-pay-app', `for ${m.appName}`)] : []),
    el('div', 'shell-pay-amount', money(m.amount)),
    expiry(m.expiresAt),
    items,
    method,
    body,
  );
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', title.id);
  box.dataset.testid = 'payment-sheet';
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !close.disabled) finish(false);
  });
  ui.modalLayer.append(box);
  ui.modalLayer.hidden = false;
  body.append(el('div', 'shell-pay-wait', 'Opening your wallet…'));
  void start();

  function finish(value: boolean | null, after = 0): void {
    if (!open || (paying && value === false)) return;
    open = false;
    settle(value);
    const remove = () => {
      box.remove();
      ui.modalLayer.hidden = ui.modalLayer.childElementCount === 0;
    };
    if (after) setTimeout(remove, after);
    else remove();
  }

  /** Whether the provider moves no real money, so the top-up form may name its test cards. */
  let testCards = false;

  async function start(): Promise<void> {
    try {
      const wallet = await api.wallet();
      if (!open) return;
      testCards = wallet.sandbox;
      const step = firstStep(wallet, m.amount, m.currency);
      if (step.step === 'set-pin') return setPin();
      if (step.step === 'locked') return locked(`Too many wrong PINs: the wallet is locked until ${formatDateTime(step.until)}.`);
      showPay(step.balance);
    } catch (e) {
      if (!open) return;
      ended((e as Error).message, 'Try again', () => void start());
    }
  }

  /** The wallet line, and the PIN pad, or the way to top up when the balance is short. */
  function showPay(balance: number, message?: string): void {
    close.disabled = false;
    const short = m.amount - balance;
    method.replaceChildren(el('span', 'shell-pay-method-label', 'Pay with'), el('span', 'shell-pay-method-value', `Wallet balance ${money(balance)}`));
    if (short > 0) return showShort(balance, message ?? `Your balance is ${money(short)} short.`);
    const error = errorLine();
    const pad = pinPad({
      label: 'Payment PIN',
      onComplete: (pin) => void pay(pin),
    });
    body.replaceChildren(el('div', 'shell-pay-prompt', 'Enter your payment PIN'), pad.root, error);
    if (message) error.say(message);
    pad.focus();

    async function pay(pin: string): Promise<void> {
      pad.busy(true);
      paying = true;
      close.disabled = true;
      error.say(null);
      try {
        await api.pay(m.orderId, pin);
      } catch (e) {
        paying = false;
        close.disabled = false;
        if (!open) return;
        const next = afterPayError(e instanceof ApiError ? e : { code: 'internal', message: (e as Error).message });
        if (next.then === 'retry' || next.then === 'error') {
          pad.reset();
          return error.say(next.message);
        }
        if (next.then === 'locked') return locked(next.message);
        if (next.then === 'set-pin') return setPin();
        if (next.then === 'closed') return ended(next.message);
        return void api.wallet().then((w) => open && showPay(w.balances[m.currency] ?? 0, next.message), () => open && showShort(balance, next.message));
      }
      paying = false;
      paid();
    }
  }

  function showShort(balance: number, message: string): void {
    const topUp = button('shell-primary shell-submit', () => showTopUp(balance), 'Top up');
    const note = el('p', 'shell-pay-note', message);
    note.setAttribute('role', 'alert');
    body.replaceChildren(note, topUp);
  }

  function showTopUp(balance: number): void {
    method.replaceChildren(el('span', 'shell-pay-method-label', 'Top up your wallet'), el('span', 'shell-pay-method-value', `Balance ${money(balance)}`));
    body.replaceChildren(
      topUpForm({
        currency: m.currency,
        amount: suggestedTopUp(m.amount - balance, m.currency),
        submitText: 'Top up',
        autofocus: true,
        testCards,
        cancel: { text: 'Back', onClick: () => showPay(balance) },
        done: (t) => {
          ui.toast({ title: `Topped up ${formatMoney(t.amount, t.currency)}`, icon: 'success', durationMs: 1500 });
          void api.wallet().then((w) => open && showPay(w.balances[m.currency] ?? 0), () => open && showPay(balance + t.amount));
        },
      }),
    );
  }

  /** No PIN yet: choose one (twice), then pay with it. */
  function setPin(): void {
    method.replaceChildren();
    const error = errorLine();
    const prompt = el('div', 'shell-pay-prompt', 'Set a 6-digit payment PIN');
    const note = el('p', 'shell-pay-note', 'You will enter it to confirm every payment from your wallet.');
    let first: string | null = null;
    const pad = pinPad({
      label: 'New payment PIN',
      onComplete: (pin) => {
        if (first === null) {
          first = pin;
          prompt.textContent = 'Enter the same PIN again';
          note.textContent = 'To be sure it is the one you meant.';
          return pad.reset();
        }
        if (pin !== first) {
          first = null;
          prompt.textContent = 'Set a 6-digit payment PIN';
          error.say('The two PINs were different. Choose one again.');
          return pad.reset();
        }
        pad.busy(true);
        void api.setPin(pin).then(
          async () => {
            if (!open) return;
            ui.toast({ title: 'PIN set', icon: 'success', durationMs: 1200 });
            const w = await api.wallet().catch(() => null);
            if (open) showPay(w?.balances[m.currency] ?? 0);
          },
          (e: Error) => {
            first = null;
            prompt.textContent = 'Set a 6-digit payment PIN';
            error.say(e.message);
            pad.reset();
          },
        );
      },
    });
    body.replaceChildren(prompt, note, pad.root, error);
    pad.focus();
  }

  function locked(message: string): void {
    ended(message);
    method.replaceChildren();
  }

  /** Nothing more to do here but close (or try again). */
  function ended(message: string, retryText?: string, retry?: () => void): void {
    close.disabled = false;
    const note = el('p', 'shell-pay-note', message);
    note.setAttribute('role', 'alert');
    const buttons = [button('shell-secondary', () => finish(false), 'Close')];
    if (retryText && retry) buttons.push(button('shell-primary', retry, retryText));
    body.replaceChildren(note, el('div', 'shell-form-actions', ...buttons));
  }

  function paid(): void {
    close.disabled = true;
    method.replaceChildren();
    const done = el('div', 'shell-pay-done', el('span', 'shell-pay-tick'), el('span', 'shell-pay-done-text', 'Paid'));
    done.setAttribute('role', 'status');
    body.replaceChildren(done);
    finish(true, PAID_MS);
  }

  return { answer, dismiss: () => finish(null) };
}
