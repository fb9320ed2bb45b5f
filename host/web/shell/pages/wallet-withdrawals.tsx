/** @jsxImportSource preact */
/** The wallet's newest withdrawals, of every currency; the section shows once there is one. */
import { useSignal } from '@preact/signals';
import { formatMoney } from '../../../../lib/money.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { withdrawalStatusLabel } from '../../common/withdrawals.ts';
import { StatusChip, useResource } from '../../kit/index.ts';
import { Section } from '../ui.tsx';

/** Withdrawals listed before "Show all". */
const RECENT = 5;

export function Withdrawals({ changes }: { changes: number }) {
  const all = useSignal(false);
  // The rest of the wallet is there without them; the list comes with the next change.
  const list = useResource((signal) => must(api.GET('/api/wallet/withdrawals', { signal })).then((r) => r.withdrawals, () => null), [changes]);
  const withdrawals = list.data ?? [];
  const shown = all.value ? withdrawals : withdrawals.slice(0, RECENT);
  return (
    <Section title="Withdrawals" hidden={!withdrawals.length}>
      <div class="shell-list">
        {shown.map((w) => (
          <WithdrawalRow withdrawal={w} />
        ))}
      </div>
      {withdrawals.length > shown.length && (
        <button type="button" class="shell-link-button shell-more" onClick={() => (all.value = true)}>
          Show all
        </button>
      )}
    </Section>
  );
}

function WithdrawalRow({ withdrawal: w }: { withdrawal: Schemas['Withdrawal'] }) {
  return (
    <div class="shell-row shell-static-row shell-withdrawal-row" data-testid={`withdrawal-${w.withdrawalId}`} data-status={w.status}>
      <span class="shell-row-text">
        <span class="shell-row-title">{`To card ${w.card}`}</span>
        <span class="shell-row-sub">{formatDateTime(w.createdAt)}</span>
        {w.status === 'failed' && <span class="shell-row-sub shell-withdrawal-reason">{`${w.reason ?? 'The card refused it.'} The money is back in your wallet.`}</span>}
      </span>
      <span class="shell-order-side">
        <span class="shell-money">{formatMoney(w.amount, w.currency)}</span>
        <StatusChip label={withdrawalStatusLabel(w)} />
      </span>
    </div>
  );
}
