/** @jsxImportSource preact */
/** The merchant's payouts to cards, newest first, each with its status (a refused one says why). */
import { formatMoney } from '../../../lib/money.ts';
import { api, must } from '../api/client.ts';
import { formatDateTime } from '../common/format.ts';
import { withdrawalStatusLabel } from '../common/withdrawals.ts';
import { Note, Panel } from '../desk/ui.tsx';
import { Loaded, StatusChip, useResource } from '../kit/index.ts';
import type { WithdrawalView } from './api.ts';

/** `moved` changes when money moved on this page: the list loads again. */
export function PayoutsPanel({ moved }: { moved: number }) {
  const payouts = useResource(async (signal) => (await must(api.GET('/api/merchant/payouts', { signal }))).payouts, [moved]);
  return (
    <Panel title="Payouts">
      <div class="desk-slot">
        <Loaded resource={payouts} failure="Couldn't load your payouts">
          {(list) =>
            list.length ? (
              <table class="desk-table">
                <thead>
                  <tr>
                    <th>When</th>
                    <th>To</th>
                    <th>Status</th>
                    <th class="desk-num">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <PayoutRow key={p.withdrawalId} payout={p} />
                  ))}
                </tbody>
              </table>
            ) : (
              <Note>None yet. Money you withdraw to a card shows here.</Note>
            )
          }
        </Loaded>
      </div>
    </Panel>
  );
}

function PayoutRow({ payout: p }: { payout: WithdrawalView }) {
  return (
    <tr data-testid={`payout-${p.withdrawalId}`} data-status={p.status}>
      <td class="desk-nowrap">{formatDateTime(p.createdAt)}</td>
      <td class="desk-nowrap">{p.card}</td>
      <td>
        <StatusChip label={withdrawalStatusLabel(p)} />
        {p.status === 'failed' && <div class="desk-payout-reason">{`${p.reason ?? 'The card refused it.'} The money is back in your balance.`}</div>}
      </td>
      <td class="desk-num">{formatMoney(p.amount, p.currency)}</td>
    </tr>
  );
}
