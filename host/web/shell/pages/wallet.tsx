/** @jsxImportSource preact */
/**
 * Me › Wallet: the balance in each currency, topping up from a card (with the bank's code when it
 * asks), withdrawing to a card (in a sheet, with the PIN) and the recent withdrawals, setting or
 * changing the payment PIN, and the statement of the chosen currency, newest first. Whatever
 * changes the wallet reloads what shows it.
 */
import { useSignal } from '@preact/signals';
import { formatMoney } from '../../../../lib/money.ts';
import { isSupportedCurrency, type CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import { Select, useResource, useSite } from '../../kit/index.ts';
import { loadWallet, type Wallet } from '../api.ts';
import { TopUpForm } from '../pay/top-up.tsx';
import { WithdrawSheet } from '../pay/withdraw-sheet.tsx';
import { mePaths } from '../router.ts';
import { SubPage } from '../sub-page.tsx';
import { Section } from '../ui.tsx';
import { BalanceCard } from './wallet-balance.tsx';
import { PinSettings } from './wallet-pin.tsx';
import { Statement } from './wallet-statement.tsx';
import { Withdrawals } from './wallet-withdrawals.tsx';

/** Offered for a top-up besides the currencies the wallet holds already. */
const CURRENCIES: CurrencyCode[] = ['CNY', 'USD', 'EUR', 'HKD'];

export function WalletPage() {
  return (
    <SubPage title="Wallet" back={mePaths.me} backText="Me" here={mePaths.wallet} what="wallet">
      {() => <WalletBody />}
    </SubPage>
  );
}

function WalletBody() {
  const { ui } = useSite();
  const currency = useSignal<CurrencyCode>('CNY');
  /** Counts changes to the wallet: the statement and the withdrawals load again on each. */
  const changes = useSignal(0);
  const topUps = useSignal(0);
  const editingPin = useSignal(false);
  const withdrawing = useSignal<{ currency: CurrencyCode; balance: number } | null>(null);
  const wallet = useResource(loadWallet, []);

  function changed(): Promise<void> {
    changes.value++;
    return wallet.reload();
  }

  /** The sheet to send the balance shown to a card; without a PIN (or while locked) it cannot. */
  function withdraw(w: Wallet, shown: CurrencyCode): void {
    if (!w.pin.hasPin || w.pin.lockedUntil) {
      ui.toast({ title: w.pin.lockedUntil ? 'The wallet is locked for now' : 'Set a payment PIN first', icon: 'none', durationMs: 2000 });
      if (!w.pin.hasPin) editingPin.value = true;
      return;
    }
    withdrawing.value = { currency: shown, balance: w.balances[shown] ?? 0 };
  }

  const w = wallet.data;
  const held = w ? Object.keys(w.balances).filter(isSupportedCurrency) : [];
  return (
    <>
      <BalanceCard wallet={wallet} currency={currency.value} withdraw={withdraw} />
      <Section title="Top up">
        <div class="shell-card shell-wallet-form">
          {w && (
            <>
              <div class="shell-currency">
                <Select
                  label="Currency"
                  aria-label="Currency"
                  options={[...new Set([...held, ...CURRENCIES])].map((c) => ({ value: c, text: c }))}
                  value={currency.value}
                  onChange={(e) => (currency.value = e.currentTarget.value as CurrencyCode)}
                />
              </div>
              <TopUpForm
                key={`${currency.value}-${topUps.value}`}
                currency={currency.value}
                testCards={w.sandbox}
                done={(t) => {
                  ui.toast({ title: `Topped up ${formatMoney(t.amount, t.currency)}`, icon: 'success', durationMs: 1500 });
                  topUps.value++;
                  void changed();
                }}
              />
            </>
          )}
        </div>
      </Section>
      <Withdrawals changes={changes.value} />
      <Section title="Payment PIN">{w && <PinSettings pin={w.pin} editing={editingPin} saved={changed} />}</Section>
      <Section title="Statement">
        <Statement currency={currency.value} changes={changes.value} />
      </Section>
      {withdrawing.value && <WithdrawSheet {...withdrawing.value} testCards={w?.sandbox ?? false} changed={() => void changed()} close={() => (withdrawing.value = null)} />}
    </>
  );
}
