/** @jsxImportSource preact */
/**
 * A console's sign-in page, for its one kind of account (merchants may also create one). Each kind
 * has a session of its own, so it says that signing in here leaves the Atrium app and the other
 * console as they are.
 */
import { useSignal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { Form, FormError, Submit, TextInput, useForm } from '../kit/index.ts';
import type { Account } from './account-context.ts';

export interface SignInProps {
  kind: 'merchant' | 'admin';
  /** `Merchant console` */
  name: string;
  tagline: string;
  /** Why the page is shown when it is not the first visit (a session that ended). */
  notice?: string;
  signedIn(account: Account): void;
}

const LABELS = { displayName: 'Business name', email: 'Email', password: 'Password' };

export function SignIn({ kind, name, tagline, notice, signedIn }: SignInProps) {
  const mode = useSignal<'login' | 'signup'>('login');
  useLayoutEffect(() => {
    document.title = `Sign in · ${name} · Atrium`;
  }, []);
  return (
    <div class="shell-auth desk-auth">
      <div class="desk-auth-column">
        <div class="shell-auth-brand">
          <span class="shell-logo">A</span>
          <h1 class="shell-auth-title">{name}</h1>
          <p class="shell-auth-tagline">{tagline}</p>
        </div>
        <div class="shell-card shell-auth-card desk-auth-card">
          {notice && <div class="desk-auth-notice">{notice}</div>}
          {kind === 'merchant' ? (
            <div class="shell-segments" role="tablist">
              <Tab to="login" mode={mode.value} pick={(m) => (mode.value = m)} text="Sign in" />
              <Tab to="signup" mode={mode.value} pick={(m) => (mode.value = m)} text="Create account" />
            </div>
          ) : (
            <h2 class="desk-auth-heading">Sign in</h2>
          )}
          {/* Keyed: switching tabs starts a fresh form, as a new page would. */}
          <Credentials key={mode.value} kind={kind} signup={mode.value === 'signup'} signedIn={signedIn} />
          <p class="desk-session-note" data-testid="session-note">
            Signing in here keeps you signed in to the Atrium app and the other console on this browser, as whoever you are there.
          </p>
          {kind === 'admin' && <p class="desk-session-note">Admin accounts are made by an operator, with atrium-host admin create.</p>}
        </div>
        <a class="shell-auth-browse" href="/">
          Go to Atrium
        </a>
      </div>
    </div>
  );
}

function Tab({ to, mode, pick, text }: { to: 'login' | 'signup'; mode: string; pick(to: 'login' | 'signup'): void; text: string }) {
  const active = to === mode;
  return (
    <button type="button" role="tab" aria-selected={active} class={`shell-segment desk-segment${active ? ' shell-segment-active' : ''}`} onClick={() => !active && pick(to)}>
      {text}
    </button>
  );
}

function Credentials({ kind, signup, signedIn }: { kind: SignInProps['kind']; signup: boolean; signedIn(account: Account): void }) {
  const form = useForm(LABELS, { signsIn: true });
  const displayName = useSignal('');
  const email = useSignal('');
  const password = useSignal('');

  async function go(): Promise<void> {
    const account = signup
      ? await must(api.POST('/api/auth/signup', { body: { kind: 'merchant', displayName: displayName.value.trim(), email: email.value.trim(), password: password.value } }))
      : (await must(api.POST('/api/auth/login', { body: { kind, email: email.value.trim(), password: password.value } }))).account;
    signedIn(account);
  }

  return (
    <Form form={form} onSubmit={go} class="shell-auth-form" validate>
      {signup && <TextInput label="Business name" focus name="displayName" type="text" autocomplete="organization" required maxLength={64} placeholder="Your shop or company" value={displayName} onInput={(e) => (displayName.value = e.currentTarget.value)} />}
      <TextInput label="Email" focus={!signup} name="email" type="email" autocomplete="email" required maxLength={254} placeholder="you@example.com" value={email} onInput={(e) => (email.value = e.currentTarget.value)} />
      <TextInput
        label="Password"
        name="password"
        type="password"
        autocomplete={signup ? 'new-password' : 'current-password'}
        required
        minLength={signup ? 10 : 1}
        maxLength={256}
        placeholder={signup ? 'At least 10 characters' : 'Your password'}
        value={password}
        onInput={(e) => (password.value = e.currentTarget.value)}
      />
      <FormError form={form} />
      <Submit form={form} class="shell-primary shell-submit">
        {signup ? 'Create merchant account' : 'Sign in'}
      </Submit>
    </Form>
  );
}
