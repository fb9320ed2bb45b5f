/** @jsxImportSource preact */
/** The wallet's green card: the balance of the chosen currency, the others under it, and Withdraw. */
import { formatMoney } from '../../../../lib/money.ts';
import { isSupportedCurrency, type CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import type { Resource } from '../../kit/index.ts';
import type { Wallet } from '../api.ts';

export interface BalanceCardProps {
  wallet: Resource<Wallet>;
  currency: CurrencyCode;
  withdraw(wallet: Wallet, currency: CurrencyCode): void;
}

export function BalanceCard({ wallet, currency, withdraw }: BalanceCardProps) {
  const w = wallet.data;
  if (!w) {
    const failed = wallet.error !== undefined && !wallet.loading;
    return (
      <div class="shell-wallet-card">
        <div class="shell-wallet-label">{failed ? "Couldn't load your wallet" : 'Balance'}</div>
        {failed ? (
          <>
            <div class="shell-wallet-sub">{wallet.error instanceof Error ? wallet.error.message : 'Something went wrong.'}</div>
            <button type="button" class="shell-wallet-retry" onClick={() => void wallet.reload()}>
              Try again
            </button>
          </>
        ) : (
          <div class="shell-bone shell-bone-line" />
        )}
      </div>
    );
  }
  const held = Object.entries(w.balances).filter((e): e is [CurrencyCode, number] => isSupportedCurrency(e[0]));
  const [shown, amount] = held.find(([c]) => c === currency) ?? held[0] ?? [currency, 0];
  return (
    <div class="shell-wallet-card">
      <div class="shell-wallet-label">{`Balance · ${shown}`}</div>
      <div class="shell-wallet-amount" data-testid="wallet-balance">
        {formatMoney(amount, shown)}
      </div>
      {held
        .filter(([c]) => c !== shown)
        .map(([c, n]) => (
          <div class="shell-wallet-sub">{formatMoney(n, c)}</div>
        ))}
      <div class="shell-wallet-actions">
        <button type="button" class="shell-wallet-action" onClick={() => withdraw(w, shown)}>
          Withdraw
        </button>
      </div>
    </div>
  );
}
