/** @jsxImportSource preact */
/**
 * The merchant's money: available (settled orders, less the platform fee and later refunds) and
 * held (paid orders waiting for the buyer's receipt) in each currency, withdrawing to a card and
 * the payouts so far, and the statement of the available balance, newest first.
 */
import { useSignal } from '@preact/signals';
import { formatMoney } from '../../../../lib/money.ts';
import { isSupportedCurrency, type CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import { api, must } from '../../api/client.ts';
import { PageHead } from '../../desk/ui.tsx';
import { Loaded, useResource, useSite, useTitle } from '../../kit/index.ts';
import { PayoutForm } from '../payout-form.tsx';
import { PayoutsPanel } from '../payouts.tsx';
import { StatementPanel } from '../statement.tsx';

export function BalancePage() {
  useTitle('Balance');
  const { ui } = useSite();
  const balance = useResource((signal) => must(api.GET('/api/merchant/balance', { signal })), []);
  /** Counts the payouts made or refused here: the payouts and the statement load again on each. */
  const moved = useSignal(0);

  function sent(said: string): void {
    ui.toast({ title: said, icon: 'success', durationMs: 2000 });
    void balance.reload();
    moved.value++;
  }

  return (
    <div class="desk-page">
      <PageHead title="Balance" sub={['Money from your orders: held until the buyer has the goods, then yours less the platform fee.']} />
      <Loaded resource={balance} failure="Couldn't load your balance">
        {(b) => {
          const available = amounts(b.available);
          const held = amounts(b.held);
          const currencies = [...new Set([...Object.keys(available), ...Object.keys(held)] as CurrencyCode[])].sort();
          if (!currencies.length) currencies.push('CNY');
          return (
            <>
              <div class="desk-money-cards">
                {currencies.map((c) => (
                  <div class="desk-money-card" data-testid={`balance-${c}`}>
                    <div class="desk-money-currency">{c}</div>
                    <div class="desk-money-pair">
                      <span class="desk-money-label">Available</span>
                      <span class="desk-money-big">{formatMoney(available[c] ?? 0, c)}</span>
                    </div>
                    <div class="desk-money-pair">
                      <span class="desk-money-label">Held</span>
                      <span class="desk-money-held">{formatMoney(held[c] ?? 0, c)}</span>
                    </div>
                  </div>
                ))}
              </div>
              <div class="desk-columns desk-payouts">
                <PayoutsPanel moved={moved.value} />
                <PayoutForm available={available} testCards={b.sandbox} sent={sent} refused={() => moved.value++} />
              </div>
              <StatementPanel currencies={currencies} moved={moved.value} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/** Minor units by currency, of the currencies Atrium keeps money in. */
function amounts(byCode: Record<string, number>): Partial<Record<CurrencyCode, number>> {
  return Object.fromEntries(Object.entries(byCode).filter(([code]) => isSupportedCurrency(code)));
}
