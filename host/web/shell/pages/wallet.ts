/**
 * Me › Wallet: the balance in each currency, topping up from a card (with the bank's code when it
 * asks), withdrawing to a card (in a sheet, with the PIN) and the recent withdrawals, setting or
 * changing the payment PIN, and the statement, newest first.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { transferLabel } from '../../common/orders.ts';
import { withdrawalStatusLabel } from '../../common/withdrawals.ts';
import { api, type StatementEntry, type Wallet, type WithdrawalView } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { errorLine, pinField, statusPill, submitting } from '../form.ts';
import { section, skeletonRows } from '../home.ts';
import { mePaths } from '../router.ts';
import { signInFirst, subFrame } from '../sub-page.ts';
import { topUpForm } from '../top-up.ts';
import { withdrawSheet, type WithdrawSheet } from '../withdraw-sheet.ts';

const PAGE = 50;
/** Withdrawals listed before "Show all". */
const RECENT = 5;
/** Offered for a top-up besides the currencies the wallet holds already. */
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'];

export function walletPage(ctx: ShellContext): Page {
  const { router, ui } = ctx;
  const frame = subFrame(router, { title: 'Wallet', back: mePaths.me, backText: 'Me' });
  const page: Page = { el: frame.root, title: 'Wallet · Atrium' };
  if (!ctx.account) {
    frame.body.append(signInFirst(router, mePaths.wallet, 'wallet'));
    return page;
  }

  const balance = el('div', 'shell-wallet-card', el('div', 'shell-wallet-label', 'Balance'), el('div', 'shell-bone shell-bone-line'));
  const topUpSlot = el('div', 'shell-card shell-wallet-form');
  const pinSlot = el('div', 'shell-list-slot');
  const withdrawalsSlot = el('div', 'shell-list-slot');
  const withdrawals = section('Withdrawals', withdrawalsSlot);
  withdrawals.hidden = true;
  const statementSlot = el('div', 'shell-list-slot', skeletonRows(2));
  frame.body.append(balance, section('Top up', topUpSlot), withdrawals, section('Payment PIN', pinSlot), section('Statement', statementSlot));

  let alive = true;
  let currency = 'CNY';
  let wallet: Wallet | null = null;
  let sheet: WithdrawSheet | null = null;
  void load();

  async function load(): Promise<void> {
    try {
      wallet = await api.wallet();
    } catch (e) {
      if (!alive) return;
      balance.replaceChildren(el('div', 'shell-wallet-label', "Couldn't load your wallet"), el('div', 'shell-wallet-sub', (e as Error).message), button('shell-wallet-retry', () => void load(), 'Try again'));
      return;
    }
    if (!alive) return;
    drawBalance(wallet);
    drawPin(wallet, false);
    if (!topUpSlot.childElementCount) drawTopUp();
    void loadStatement(null);
    void loadWithdrawals();
  }

  function drawBalance(w: Wallet): void {
    const held = Object.entries(w.balances);
    const main = held.find(([c]) => c === currency) ?? held[0] ?? [currency, 0];
    const amount = el('div', 'shell-wallet-amount', formatMoney(main[1], main[0]));
    amount.dataset.testid = 'wallet-balance';
    const others = held.filter(([c]) => c !== main[0]).map(([c, n]) => el('div', 'shell-wallet-sub', formatMoney(n, c)));
    const withdraw = button('shell-wallet-action', () => openWithdraw(w, main[0]), 'Withdraw');
    balance.replaceChildren(el('div', 'shell-wallet-label', `Balance · ${main[0]}`), amount, ...others, el('div', 'shell-wallet-actions', withdraw));
  }

  /** The sheet to send the balance shown to a card; without a PIN (or while locked) it cannot. */
  function openWithdraw(w: Wallet, shown: string): void {
    if (!w.pin.hasPin || w.pin.lockedUntil) {
      ui.toast({ title: w.pin.lockedUntil ? 'The wallet is locked for now' : 'Set a payment PIN first', icon: 'none', durationMs: 2000 });
      if (!w.pin.hasPin) drawPin(w, true);
      return;
    }
    sheet?.close();
    sheet = withdrawSheet(ui, { currency: shown, balance: w.balances[shown] ?? 0, changed: () => void load(), testCards: w.sandbox });
  }

  /** The newest withdrawals, of every currency; the section shows once there is one. */
  async function loadWithdrawals(all = false): Promise<void> {
    let list: WithdrawalView[];
    try {
      list = await api.withdrawals();
    } catch {
      // The rest of the wallet is there; the list comes with the next load.
      return;
    }
    if (!alive) return;
    withdrawals.hidden = list.length === 0;
    const shown = all ? list : list.slice(0, RECENT);
    const more = list.length > shown.length ? [button('shell-link-button shell-more', () => void loadWithdrawals(true), 'Show all')] : [];
    withdrawalsSlot.replaceChildren(el('div', 'shell-list', ...shown.map(withdrawalRow)), ...more);
  }

  function withdrawalRow(w: WithdrawalView): HTMLElement {
    const label = withdrawalStatusLabel(w);
    const subs = [el('span', 'shell-row-sub', formatDateTime(w.createdAt))];
    if (w.status === 'failed') subs.push(el('span', 'shell-row-sub shell-withdrawal-reason', `${w.reason ?? 'The card refused it.'} The money is back in your wallet.`));
    const row = el(
      'div',
      'shell-row shell-static-row shell-withdrawal-row',
      el('span', 'shell-row-text', el('span', 'shell-row-title', `To card ${w.card}`), ...subs),
      el('span', 'shell-order-side', el('span', 'shell-money', formatMoney(w.amount, w.currency)), statusPill(label)),
    );
    row.dataset.testid = `withdrawal-${w.withdrawalId}`;
    row.dataset.status = w.status;
    return row;
  }

  function drawTopUp(): void {
    const currencies = [...new Set([...Object.keys(wallet?.balances ?? {}), ...CURRENCIES])];
    const pick = el('select', 'shell-field-input shell-select', ...currencies.map((c) => Object.assign(el('option', '', c), { value: c })));
    pick.value = currency;
    pick.setAttribute('aria-label', 'Currency');
    pick.addEventListener('change', () => {
      currency = pick.value;
      drawTopUp();
      if (wallet) drawBalance(wallet);
      void loadStatement(null);
    });
    const form = topUpForm({
      currency,
      testCards: wallet?.sandbox,
      done: (t) => {
        ui.toast({ title: `Topped up ${formatMoney(t.amount, t.currency)}`, icon: 'success', durationMs: 1500 });
        drawTopUp();
        void load();
      },
    });
    topUpSlot.replaceChildren(el('label', 'shell-field shell-currency', el('span', 'shell-field-label', 'Currency'), pick), form);
  }

  /** Whether a PIN is set (or the wallet locked), and the form to set or change it. */
  function drawPin(w: Wallet, editing: boolean): void {
    const { hasPin, lockedUntil } = w.pin;
    const state = lockedUntil ? `Locked after too many wrong PINs, until ${formatDateTime(lockedUntil)}` : hasPin ? 'Set. You enter it to confirm every payment.' : 'Not set. You need one to pay.';
    const row = el('div', 'shell-row shell-static-row', el('span', 'shell-row-text', el('span', 'shell-row-title', hasPin ? 'PIN is set' : 'No PIN yet'), el('span', 'shell-row-sub', state)));
    if (!editing) row.append(button('shell-pill-button', () => drawPin(w, true), hasPin ? 'Change PIN' : 'Set PIN'));
    const list = el('div', 'shell-list', row);
    if (!editing) return void pinSlot.replaceChildren(list);

    const current = hasPin ? pinField('Current PIN', 'currentPin') : null;
    const next = pinField(hasPin ? 'New PIN' : 'PIN', 'pin');
    const again = pinField(hasPin ? 'Repeat the new PIN' : 'Repeat the PIN', 'pinAgain');
    const error = errorLine();
    const save = el('button', 'shell-primary shell-submit', 'Save PIN');
    save.type = 'submit';
    const cancel = button('shell-secondary', () => drawPin(w, false), 'Cancel');
    const form = el('form', 'shell-card shell-form', ...(current ? [current.root] : []), next.root, again.root, error, el('div', 'shell-form-actions', cancel, save));
    form.dataset.testid = 'pin-form';
    submitting(form, save, async () => {
      error.say(null);
      if (!/^\d{6}$/.test(next.input.value)) return error.say('A payment PIN is 6 digits.');
      if (next.input.value !== again.input.value) return error.say('The two PINs are different.');
      try {
        await api.setPin(next.input.value, current?.input.value);
      } catch (e) {
        return error.say((e as Error).message);
      }
      ui.toast({ title: hasPin ? 'PIN changed' : 'PIN set', icon: 'success', durationMs: 1500 });
      await load();
    });
    pinSlot.replaceChildren(list, form);
    (current ?? next).input.focus({ preventScroll: true });
  }

  /** The statement of the chosen currency; `before` pages back from the oldest line shown. */
  async function loadStatement(before: string | null): Promise<void> {
    const shown = currency;
    let entries: StatementEntry[];
    try {
      entries = await api.statement(shown, before ?? undefined);
    } catch (e) {
      if (!alive || shown !== currency) return;
      if (before === null) statementSlot.replaceChildren(el('div', 'shell-empty shell-empty-small', el('div', 'shell-empty-text', (e as Error).message)));
      return;
    }
    if (!alive || shown !== currency) return;
    const list = before === null ? el('div', 'shell-list shell-statement') : (statementSlot.querySelector('.shell-statement') as HTMLElement | null);
    if (before === null && !entries.length) return void statementSlot.replaceChildren(el('div', 'shell-empty shell-empty-small', el('div', 'shell-empty-text', `Nothing in ${shown} yet. Top-ups, payments, refunds and withdrawals appear here.`)));
    if (!list) return;
    list.append(...entries.map(line));
    const more = entries.length === PAGE ? [button('shell-link-button shell-more', () => void loadStatement(entries.at(-1)!.id), 'Older')] : [];
    statementSlot.replaceChildren(list, ...more);
  }

  function line(t: StatementEntry): HTMLElement {
    const signed = t.direction === 'in' ? t.amount : -t.amount;
    const text = el('span', 'shell-row-text', el('span', 'shell-row-title', transferLabel(t.kind, t.direction)), el('span', 'shell-row-sub', formatDateTime(t.createdAt)));
    const amount = el('span', `shell-money ${signed > 0 ? 'shell-money-in' : 'shell-money-out'}`, formatMoney(signed, t.currency, { sign: true }));
    const row = t.orderId ? router.link(mePaths.order(t.orderId), 'shell-row shell-statement-row', text, amount) : el('div', 'shell-row shell-statement-row shell-static-row', text, amount);
    row.dataset.kind = t.kind;
    return row;
  }

  page.unmount = () => {
    alive = false;
    sheet?.close();
  };
  return page;
}
