/** @jsxImportSource preact */
/** What was bought, the total, what was refunded, and what the merchant gets after the platform's fee. */
import { formatMoney } from '../../../lib/money.ts';
import { Panel } from '../desk/ui.tsx';
import type { OrderView } from './api.ts';
import { proceeds } from './order-facts.ts';

export function ItemsPanel({ order: o }: { order: OrderView }) {
  const money = (n: number) => formatMoney(n, o.currency);
  const foot = (what: string, amount: string) => (
    <tr>
      <th>{what}</th>
      <td />
      <td />
      <td class="desk-num">{amount}</td>
    </tr>
  );
  return (
    <Panel title="Items">
      <table class="desk-table">
        <thead>
          <tr>
            <th>Item</th>
            <th class="desk-num">Unit price</th>
            <th class="desk-num">Quantity</th>
            <th class="desk-num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {o.items.map((i) => (
            <tr>
              <td>
                <div>{i.name}</div>
                <div class="desk-muted">{i.sku}</div>
              </td>
              <td class="desk-num">{money(i.unitAmount)}</td>
              <td class="desk-num">{String(i.quantity)}</td>
              <td class="desk-num">{money(i.unitAmount * i.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {foot('Total', money(o.amount))}
          {o.refundedAmount > 0 && foot('Refunded', `−${money(o.refundedAmount)}`)}
          {proceeds(o).map(([what, amount]) => foot(what, amount))}
        </tfoot>
      </table>
    </Panel>
  );
}
