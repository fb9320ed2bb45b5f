/**
 * The merchant's money: available (settled orders, less the platform fee and later refunds) and
 * held (paid orders waiting for the buyer's receipt) in each currency, withdrawing to a card and
 * the payouts so far, and the statement of the available balance, newest first.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { transferLabel } from '../../common/orders.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { actionButton, failure, loading, note, pageHead, panel, select } from '../../desk/dom/ui.ts';
import { paymentsApi, type Balances, type StatementEntry } from '../payments-api.ts';
import { payoutPanels } from '../payouts.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';

const PAGE = 50;

export function balancePage(ctx: DeskContext<ConsoleRoute>): Page {
  const { router } = ctx;
  const top = el('div', 'desk-slot', loading());
  const payouts = el('div', 'desk-slot');
  const statement = el('div', 'desk-slot');
  const root = el('div', 'desk-page', pageHead('Balance', { sub: ['Money from your orders: held until the buyer has the goods, then yours less the platform fee.'] }), top, payouts, statement);
  let alive = true;
  let currency = 'CNY';
  void load();

  async function load(): Promise<void> {
    let b: Balances;
    try {
      b = await paymentsApi.balance();
    } catch (e) {
      if (!alive) return;
      top.replaceChildren(failure("Couldn't load your balance", e, () => void load()));
      return ctx.failed(e);
    }
    if (!alive) return;
    const currencies = [...new Set([...Object.keys(b.available), ...Object.keys(b.held)])].sort();
    if (!currencies.length) currencies.push('CNY');
    if (!currencies.includes(currency)) currency = currencies[0]!;
    const cards = currencies.map((c) => {
      const card = el(
        'div',
        'desk-money-card',
        el('div', 'desk-money-currency', c),
        el('div', 'desk-money-pair', el('span', 'desk-money-label', 'Available'), el('span', 'desk-money-big', formatMoney(b.available[c] ?? 0, c))),
        el('div', 'desk-money-pair', el('span', 'desk-money-label', 'Held'), el('span', 'desk-money-held', formatMoney(b.held[c] ?? 0, c))),
      );
      card.dataset.testid = `balance-${c}`;
      return card;
    });
    top.replaceChildren(el('div', 'desk-money-cards', ...cards));
    payouts.replaceChildren(
      payoutPanels(ctx, {
        available: b.available,
        testCards: b.sandbox,
        alive: () => alive,
        sent: (said) => {
          ctx.ui.toast({ title: said, icon: 'success', durationMs: 2000 });
          void load();
        },
        refused: () => drawStatement(currencies),
      }),
    );
    drawStatement(currencies);
  }

  function drawStatement(currencies: string[]): void {
    const pick = select(currencies.map((c) => ({ value: c, text: c })));
    pick.value = currency;
    pick.setAttribute('aria-label', 'Currency');
    const body = el('div', 'desk-slot', loading());
    pick.addEventListener('change', () => {
      currency = pick.value;
      void page(body, null);
    });
    statement.replaceChildren(panel('Statement', el('div', 'desk-toolbar', pick), note('Settled orders come in; refunds made after settlement and withdrawals to a card go out. Newest first.'), body));
    void page(body, null);
  }

  async function page(body: HTMLElement, before: string | null): Promise<void> {
    const shown = currency;
    let entries: StatementEntry[];
    try {
      entries = await paymentsApi.statement(shown, before ?? undefined);
    } catch (e) {
      if (!alive || shown !== currency) return;
      if (before === null) body.replaceChildren(failure("Couldn't load the statement", e, () => void page(body, null)));
      return ctx.failed(e);
    }
    if (!alive || shown !== currency) return;
    if (before === null && !entries.length) return void body.replaceChildren(note(`Nothing settled in ${shown} yet.`));
    let table = body.querySelector('tbody');
    if (before === null || !table) {
      table = el('tbody', '');
      body.replaceChildren(el('table', 'desk-table', el('thead', '', el('tr', '', el('th', '', 'When'), el('th', '', 'What'), el('th', '', 'Order'), el('th', 'desk-num', 'Amount'))), table));
    }
    table.append(
      ...entries.map((t) => {
        const signed = t.direction === 'in' ? t.amount : -t.amount;
        const row = el(
          'tr',
          '',
          el('td', 'desk-nowrap', formatDateTime(t.createdAt)),
          el('td', '', transferLabel(t.kind, t.direction)),
          el('td', '', t.orderId ? router.link(consolePaths.order(t.orderId), 'desk-mono-link', t.orderId) : ''),
          el('td', `desk-num ${signed > 0 ? 'desk-money-in' : ''}`, formatMoney(signed, t.currency, { sign: true })),
        );
        row.dataset.kind = t.kind;
        return row;
      }),
    );
    body.querySelector('.desk-more-button')?.remove();
    if (entries.length === PAGE) body.append(actionButton('desk-button desk-more-button', 'Older', () => page(body, entries.at(-1)!.id)));
  }

  return {
    el: root,
    title: 'Balance',
    unmount() {
      alive = false;
    },
  };
}
