/** @jsxImportSource preact */
/**
 * Log in and sign up: one page with a switch between the two; once signed in, the shell moves on
 * to where the user was going (shell.tsx).
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { bind, Form, FormError, Link, Submit, TextInput, useForm, useTitle } from '../../kit/index.ts';
import { useWho } from '../account.ts';

const LABELS = { displayName: 'Name', email: 'Email', password: 'Password' };

export function AuthPage({ mode, next }: { mode: 'login' | 'signup'; next: string }) {
  const signup = mode === 'signup';
  useTitle(signup ? 'Sign up' : 'Log in');
  const { setAccount } = useWho();
  // A wrong password is this form's own answer, not a lost sign-in.
  const form = useForm(LABELS, { signsIn: true });
  const name = useSignal('');
  const email = useSignal('');
  const password = useSignal('');
  const nextQuery = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;

  async function go(): Promise<void> {
    const credentials = { email: email.value.trim(), password: password.value, kind: 'user' as const };
    const account = signup
      ? await must(api.POST('/api/auth/signup', { body: { ...credentials, displayName: name.value.trim() } }))
      : (await must(api.POST('/api/auth/login', { body: credentials }))).account;
    setAccount(account);
  }

  return (
    <div class="shell-auth">
      <div class="shell-auth-brand">
        <span class="shell-logo">A</span>
        <h1 class="shell-auth-title">Atrium</h1>
        <p class="shell-auth-tagline">Shops, services and more in one app. Nothing to install.</p>
      </div>
      <div class="shell-card shell-auth-card">
        <nav class="shell-segments">
          <Segment to="login" mode={mode} query={nextQuery} text="Log in" />
          <Segment to="signup" mode={mode} query={nextQuery} text="Sign up" />
        </nav>
        <Form form={form} onSubmit={go} class="shell-auth-form" validate>
          {signup && <TextInput label="Name" focus name="displayName" type="text" autocomplete="nickname" required maxLength={64} placeholder="What should we call you?" {...bind(name)} />}
          <TextInput label="Email" focus={!signup} name="email" type="email" autocomplete="email" required maxLength={254} placeholder="you@example.com" {...bind(email)} />
          <TextInput
            label="Password"
            name="password"
            type="password"
            autocomplete={signup ? 'new-password' : 'current-password'}
            required
            minLength={signup ? 10 : 1}
            maxLength={256}
            placeholder={signup ? 'At least 10 characters' : 'Your password'}
            {...bind(password)}
          />
          <FormError form={form} />
          <Submit form={form} class="shell-primary shell-submit">
            {signup ? 'Create account' : 'Log in'}
          </Submit>
        </Form>
      </div>
      <Link href="/" class="shell-auth-browse">
        Just looking? Browse mini-programs
      </Link>
    </div>
  );
}

/** Switching between the two replaces the entry: the whole sign-in is one step back. */
function Segment({ to, mode, query, text }: { to: 'login' | 'signup'; mode: string; query: string; text: string }) {
  const active = to === mode;
  return (
    <Link href={`/${to}${query}`} replace class={`shell-segment${active ? ' shell-segment-active' : ''}`} aria-current={active ? 'page' : undefined}>
      {text}
    </Link>
  );
}
