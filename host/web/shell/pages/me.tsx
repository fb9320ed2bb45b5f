/** @jsxImportSource preact */
/**
 * Me: who is signed in, the way to the wallet and the orders, what each mini-program was allowed
 * (with revoke), the password, a download of everything Atrium keeps, erasing, and signing out
 * (here, or on every device).
 */
import { formatBalances } from '../../../../lib/money.ts';
import { api, must } from '../../api/client.ts';
import { initial } from '../../common/icon.ts';
import { Link, useResource, useSite, useTitle } from '../../kit/index.ts';
import { useWho, type Account } from '../account.ts';
import { loadWallet } from '../api.ts';
import { TabPage } from '../home.tsx';
import { mePaths } from '../router.ts';
import { SignInFirst } from '../sub-page.tsx';
import { Section } from '../ui.tsx';
import { Authorizations } from './authorizations.tsx';

export function MePage() {
  useTitle('Me');
  const { account } = useWho();
  return (
    <TabPage title="Me">
      {account ? <Signed account={account} /> : <SignInFirst next={mePaths.me} text="Sign in to open mini-programs, keep your recently used ones and manage what they may see." signUp />}
    </TabPage>
  );
}

function Signed({ account }: { account: Account }) {
  const { ui, router, failed } = useSite();
  const { setAccount } = useWho();
  // The balance is a hint beside the way to the wallet: without it the row still leads there.
  const wallet = useResource((signal) => loadWallet(signal).catch(() => null), []);
  const since = new Date(account.createdAt);

  /** Asks first; once the host has ended the session, the shell is signed out too. */
  async function signOut(dialog: { title: string; content: string; confirmText: string }, end: () => Promise<unknown>): Promise<void> {
    if (!(await ui.dialog({ kind: 'modal', ...dialog }).answer)) return;
    try {
      await end();
    } catch (e) {
      return failed(e);
    }
    setAccount(null);
    router.navigate('/login', { replace: true });
  }

  return (
    <>
      <div class="shell-card shell-profile">
        <span class="shell-avatar shell-avatar-large">{initial(account.displayName)}</span>
        <div class="shell-profile-text">
          <div class="shell-profile-name">{account.displayName}</div>
          <div class="shell-profile-sub">{account.email}</div>
          {!Number.isNaN(since.getTime()) && <div class="shell-profile-sub">{`Member since ${since.toLocaleDateString(undefined, { year: 'numeric', month: 'long' })}`}</div>}
        </div>
      </div>
      <div class="shell-list shell-me-links" aria-label="Pay">
        <Link href={mePaths.wallet} class="shell-row shell-link-row">
          <span class="shell-me-icon shell-me-icon-wallet" />
          <span class="shell-row-text">
            <span class="shell-row-title">Wallet</span>
          </span>
          <span class="shell-row-value">{wallet.data ? formatBalances(wallet.data.balances).join(' · ') : ''}</span>
        </Link>
        <Link href={mePaths.orders} class="shell-row shell-link-row">
          <span class="shell-me-icon shell-me-icon-orders" />
          <span class="shell-row-text">
            <span class="shell-row-title">Orders</span>
          </span>
        </Link>
      </div>
      <Section title="Authorizations" note="What mini-programs asked to use. Revoke a choice and the mini-program has to ask you again.">
        <Authorizations accountId={account.id} />
      </Section>
      <Section title="Security">
        <div class="shell-list">
          <Link href={mePaths.password} class="shell-row shell-link-row">
            <span class="shell-row-text">
              <span class="shell-row-title">Change password</span>
            </span>
          </Link>
          {/* A plain link, not the router's: the browser downloads the file the host sends. */}
          <a class="shell-row shell-link-row" href="/api/me/export" download="">
            <span class="shell-row-text">
              <span class="shell-row-title">Download my data</span>
              <span class="shell-row-sub">Your account, wallet, orders and what mini-programs stored, as one file</span>
            </span>
          </a>
          <button
            type="button"
            class="shell-row shell-link-row"
            onClick={() =>
              void signOut(
                { title: 'Sign out of all devices?', content: 'Every phone and browser signed in to your account is signed out, this one too.', confirmText: 'Sign out everywhere' },
                () => must(api.POST('/api/me/sessions/end')),
              )
            }
          >
            <span class="shell-row-text">
              <span class="shell-row-title">Sign out of all devices</span>
            </span>
          </button>
          <Link href={mePaths.erase} class="shell-row shell-link-row">
            <span class="shell-row-text">
              <span class="shell-row-title shell-danger-text">Erase my account</span>
            </span>
          </Link>
        </div>
      </Section>
      <div class="shell-list shell-list-plain">
        <button
          type="button"
          class="shell-row shell-danger-row"
          onClick={() =>
            void signOut({ title: 'Sign out?', content: 'Mini-programs you opened stay in your recently used list on this device.', confirmText: 'Sign out' }, () => must(api.POST('/api/auth/logout')))
          }
        >
          Sign out
        </button>
      </div>
    </>
  );
}
