/**
 * Me › Orders › one order: where it stands, the items and amounts, its refunds and dispute, and
 * what the buyer can do now: confirm receipt (the merchant is paid), ask for a refund (an amount
 * and a reason), or open a dispute (a reason; Atrium decides).
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { ApiError, formMessage } from '../../common/http.ts';
import { appIcon } from '../../common/icon.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../lib/money.ts';
import { askableLeft, buyerActions, disputeStatusLabel, orderStatusLabel, refundBy, refundStatusLabel } from '../../common/orders.ts';
import { api, type OrderView } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { errorLine, field, statusPill, submitting, textField } from '../form.ts';
import { section, skeletonRows } from '../home.ts';
import { mePaths } from '../router.ts';
import { signInFirst, subFrame } from '../sub-page.ts';
import { appNames } from './orders.ts';

export function orderPage(ctx: ShellContext, orderId: string): Page {
  const { router, ui } = ctx;
  const frame = subFrame(router, { title: 'Order', back: mePaths.orders, backText: 'Orders' });
  const page: Page = { el: frame.root, title: 'Order · Atrium' };
  const account = ctx.account;
  if (!account) {
    frame.body.append(signInFirst(router, mePaths.order(orderId), 'order'));
    return page;
  }
  frame.body.append(skeletonRows(3));
  let alive = true;
  const names = appNames(account.id);
  void load();

  async function load(): Promise<void> {
    let order: OrderView;
    try {
      order = await api.order(orderId);
    } catch (e) {
      if (!alive) return;
      const missing = e instanceof ApiError && e.status === 404;
      frame.body.replaceChildren(
        el('div', 'shell-empty shell-empty-page', el('div', 'shell-empty-title', missing ? 'No such order' : "Couldn't load the order"), el('div', 'shell-empty-text', missing ? 'It is not one of your orders.' : (e as Error).message), router.link(mePaths.orders, 'shell-link-button', 'Your orders')),
      );
      return;
    }
    const app = (await names).get(order.appId) ?? { id: order.appId, name: order.appId };
    if (!alive) return;
    draw(order, app);
  }

  function draw(o: OrderView, app: { id: string; name: string; iconUrl?: string | null }): void {
    const money = (n: number) => formatMoney(n, o.currency);
    const head = el('div', 'shell-card shell-order-head', statusPill(orderStatusLabel(o.status)), el('div', 'shell-order-amount', money(o.amount)), el('p', 'shell-card-text', stateNote(o)));
    head.dataset.testid = 'order-status';

    const lines = el(
      'div',
      'shell-list shell-order-lines',
      el('div', 'shell-auth-head', appIcon(app, 'small'), el('span', 'shell-row-title', app.name)),
      ...o.items.map((i) => el('div', 'shell-row shell-static-row shell-line', el('span', 'shell-row-text', el('span', 'shell-line-name', i.name), el('span', 'shell-row-sub', `${money(i.unitAmount)} × ${i.quantity}`)), el('span', 'shell-money', money(i.unitAmount * i.quantity)))),
      el('div', 'shell-row shell-static-row shell-line shell-line-total', el('span', 'shell-row-text', 'Total'), el('span', 'shell-money', money(o.amount))),
      ...(o.refundedAmount ? [el('div', 'shell-row shell-static-row shell-line', el('span', 'shell-row-text', 'Refunded'), el('span', 'shell-money shell-money-in', money(o.refundedAmount)))] : []),
    );

    const details: [string, string | null][] = [
      ['Order number', o.orderId],
      ['Placed', formatDateTime(o.createdAt)],
      ['Paid', o.paidAt && formatDateTime(o.paidAt)],
      ['Shipped', o.shippedAt && formatDateTime(o.shippedAt)],
      ['Confirms itself', o.releaseDueAt && formatDateTime(o.releaseDueAt)],
    ];
    const facts = el('div', 'shell-list', ...details.filter(([, v]) => v).map(([k, v]) => el('div', 'shell-row shell-static-row shell-fact', el('span', 'shell-fact-key', k), el('span', 'shell-fact-value', v!))));

    const parts: Node[] = [head, section('Items', lines), section('Details', facts)];
    if (o.refunds.length) {
      const refunds = el(
        'div',
        'shell-list',
        ...o.refunds.map((r) => {
          const row = el(
            'div',
            'shell-row shell-static-row shell-refund',
            el('span', 'shell-row-text', el('span', 'shell-row-title', money(r.amount)), el('span', 'shell-row-sub', r.reason), el('span', 'shell-row-sub', `${refundBy(r, 'user')} · ${formatDateTime(r.createdAt)}`)),
            statusPill(refundStatusLabel(r)),
          );
          row.dataset.testid = `refund-${r.refundId}`;
          return row;
        }),
      );
      parts.push(section('Refunds', refunds));
    }
    if (o.dispute) {
      const d = o.dispute;
      const rows: Node[] = [el('div', 'shell-dispute-line', statusPill(disputeStatusLabel(d, o.currency))), quote('Your reason', d.reason)];
      if (d.answer) rows.push(quote("The merchant's answer", d.answer));
      if (d.note) rows.push(quote("Atrium's decision", d.note));
      const card = el('div', 'shell-card shell-dispute', ...rows);
      card.dataset.testid = 'order-dispute';
      parts.push(section('Dispute', card));
    }

    const can = buyerActions(o);
    const formSlot = el('div', 'shell-form-slot');
    const buttons: HTMLElement[] = [];
    if (can.confirmReceipt) buttons.push(button('shell-primary shell-submit', () => confirmReceipt(o), 'Confirm receipt'));
    if (can.requestRefund) buttons.push(button('shell-secondary', () => refundForm(o, formSlot), 'Request a refund'));
    if (can.openDispute) buttons.push(button('shell-secondary', () => disputeForm(o, formSlot), 'Open a dispute'));
    if (buttons.length) parts.push(el('div', 'shell-order-actions', ...buttons), formSlot);
    frame.body.replaceChildren(...parts);
  }

  function confirmReceipt(o: OrderView): void {
    const d = ui.dialog({ kind: 'modal', title: 'Confirm receipt?', content: `Only if you have what you ordered: ${formatMoney(o.amount - o.refundedAmount, o.currency)} goes to the merchant now.`, confirmText: 'Confirm' });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await api.confirmReceipt(o.orderId);
      } catch (e) {
        return ui.toast({ title: (e as Error).message, icon: 'none', durationMs: 3000 });
      }
      ui.toast({ title: 'Receipt confirmed', icon: 'success', durationMs: 1500 });
      await load();
    });
  }

  function refundForm(o: OrderView, slot: HTMLElement): void {
    const left = askableLeft(o);
    const amount = field(`Amount (${o.currency})`, { name: 'amount', inputMode: 'decimal', required: true, value: moneyInputValue(left, o.currency) }, `Up to ${formatMoney(left, o.currency)}.`);
    const reason = textField('Reason', { name: 'reason', required: true, minLength: 4, maxLength: 500, placeholder: 'What went wrong? The merchant reads this.' });
    const error = errorLine();
    const send = el('button', 'shell-primary shell-submit', 'Send request');
    send.type = 'submit';
    const form = el('form', 'shell-card shell-form', el('div', 'shell-card-title', 'Request a refund'), amount.root, reason.root, error, el('div', 'shell-form-actions', button('shell-secondary', () => slot.replaceChildren(), 'Cancel'), send));
    form.dataset.testid = 'refund-form';
    submitting(form, send, async () => {
      error.say(null);
      const minor = parseMoney(amount.input.value, o.currency);
      if (minor === null || minor > left) return error.say(`Amount: give an amount up to ${formatMoney(left, o.currency)}.`);
      if (reason.input.value.trim().length < 4) return error.say('Reason: say what went wrong, in at least 4 characters.');
      try {
        await api.requestRefund(o.orderId, { amount: minor, reason: reason.input.value.trim() });
      } catch (e) {
        return error.say(formMessage(e, { amount: 'Amount', reason: 'Reason' }));
      }
      ui.toast({ title: 'Refund requested', icon: 'success', durationMs: 1500 });
      await load();
    });
    slot.replaceChildren(form);
    reason.input.focus();
  }

  function disputeForm(o: OrderView, slot: HTMLElement): void {
    const reason = textField('Reason', { name: 'reason', required: true, minLength: 4, maxLength: 500, placeholder: 'What went wrong? The merchant answers, then Atrium decides.' });
    const error = errorLine();
    const send = el('button', 'shell-primary shell-submit', 'Open dispute');
    send.type = 'submit';
    const form = el(
      'form',
      'shell-card shell-form',
      el('div', 'shell-card-title', 'Open a dispute'),
      el('p', 'shell-card-text', `The ${formatMoney(o.amount - o.refundedAmount, o.currency)} stays held until Atrium decides: back to you, in full or in part, or to the merchant.`),
      reason.root,
      error,
      el('div', 'shell-form-actions', button('shell-secondary', () => slot.replaceChildren(), 'Cancel'), send),
    );
    form.dataset.testid = 'dispute-form';
    submitting(form, send, async () => {
      error.say(null);
      if (reason.input.value.trim().length < 4) return error.say('Reason: say what went wrong, in at least 4 characters.');
      try {
        await api.openDispute(o.orderId, reason.input.value.trim());
      } catch (e) {
        return error.say(formMessage(e, { reason: 'Reason' }));
      }
      ui.toast({ title: 'Dispute opened', icon: 'success', durationMs: 1500 });
      await load();
    });
    slot.replaceChildren(form);
    reason.input.focus();
  }

  page.unmount = () => {
    alive = false;
  };
  return page;
}

/** Where the order stands, in a sentence for the buyer. */
function stateNote(o: OrderView): string {
  switch (o.status) {
    case 'created':
      return `Waiting for payment until ${formatDateTime(o.expiresAt)}.`;
    case 'expired':
      return 'It was not paid in time.';
    case 'paid':
      return o.holdUntilReceipt && !o.releasedAt ? 'Paid. Atrium holds the money until you confirm receipt.' : 'Paid.';
    case 'shipped':
      return o.releaseDueAt ? `On its way. Confirm receipt when it arrives; otherwise it confirms itself on ${formatDateTime(o.releaseDueAt)}.` : 'On its way.';
    case 'completed':
      return 'Completed. The merchant has been paid.';
    case 'disputed':
      return 'In dispute. The money stays held until Atrium decides.';
    case 'refunded':
      return 'Refunded in full to your wallet.';
    case 'partially_refunded':
      return `${formatMoney(o.refundedAmount, o.currency)} was refunded to your wallet.`;
    case 'cancelled':
      return 'Cancelled.';
  }
}

function quote(label: string, text: string): HTMLElement {
  return el('div', 'shell-quote', el('div', 'shell-quote-label', label), el('div', 'shell-quote-text', text));
}
