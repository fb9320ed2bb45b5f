/** @jsxImportSource preact */
/**
 * A page one level down from Me (Wallet, Orders, an order, Password): a bar with the way back and
 * the title over the scrolling body, and no tab bar, as in a consumer app's inner pages. Signed
 * out, it asks the visitor to sign in and come back.
 */
import type { ComponentChildren } from 'preact';
import { Link, useTitle } from '../kit/index.ts';
import { useWho, type Account } from './account.ts';
import { loginPath } from './router.ts';

export interface SubPageProps {
  title: string;
  back: string;
  backText: string;
  /** This page's address and what it shows (`wallet`), for the visitor asked to sign in first. */
  here: string;
  what: string;
  /** The page, drawn only for a signed-in user. */
  children: (account: Account) => ComponentChildren;
}

export function SubPage({ title, back, backText, here, what, children }: SubPageProps) {
  useTitle(title);
  const { account } = useWho();
  return (
    <div class="shell-home shell-sub">
      <header class="shell-sub-header">
        <Link href={back} class="shell-sub-back" aria-label={`Back to ${backText}`} />
        <h1 class="shell-sub-title">{title}</h1>
      </header>
      <div class="shell-home-scroll">
        <main class="shell-home-body shell-sub-body">{account ? children(account) : <SignInFirst next={here} text={`Sign in to see your ${what}.`} />}</main>
      </div>
    </div>
  );
}

/** A card asking a signed-out visitor to sign in (or sign up), then come back to `next`. */
export function SignInFirst({ next, text, signUp = false }: { next: string; text: string; signUp?: boolean }) {
  return (
    <div class="shell-card shell-signed-out">
      <div class="shell-avatar shell-avatar-large shell-avatar-empty" />
      <div class="shell-card-title">You are not signed in</div>
      <p class="shell-card-text">{text}</p>
      <div class="shell-card-actions">
        <Link href={loginPath(next)} class="shell-primary shell-button-link">
          Log in
        </Link>
        {signUp && (
          <Link href={`/signup?next=${encodeURIComponent(next)}`} class="shell-secondary shell-button-link">
            Create an account
          </Link>
        )}
      </div>
    </div>
  );
}
