/**
 * A console's sign-in page, for its one kind of account (merchants may also create one). Each kind
 * has a session of its own, so it says that signing in here leaves the Atrium app and the other
 * console as they are.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import { auth, formMessage, type Account } from '../common/http.ts';
import { field, formError, input } from './ui.ts';

export interface SignInOptions {
  kind: 'merchant' | 'admin';
  /** `Merchant console` */
  name: string;
  tagline: string;
  /** Why the page is shown when it is not the first visit (a session that ended). */
  notice?: string;
  signedIn(account: Account): void;
}

function segments(...tabs: HTMLElement[]): HTMLElement {
  const s = el('div', 'shell-segments', ...tabs);
  s.setAttribute('role', 'tablist');
  return s;
}

export function signInPage(o: SignInOptions): HTMLElement {
  const canSignUp = o.kind === 'merchant';
  const card = el('div', 'shell-card shell-auth-card desk-auth-card');
  const home = el('a', 'shell-auth-browse', 'Go to Atrium');
  home.href = '/';
  const root = el(
    'div',
    'shell-auth desk-auth',
    el('div', 'desk-auth-column', el('div', 'shell-auth-brand', el('span', 'shell-logo', 'A'), el('h1', 'shell-auth-title', o.name), el('p', 'shell-auth-tagline', o.tagline)), card, home),
  );
  draw('login');

  function draw(mode: 'login' | 'signup'): void {
    const signup = mode === 'signup';
    const name = input({ name: 'displayName', type: 'text', autocomplete: 'organization', required: true, maxLength: 64, placeholder: 'Your shop or company' });
    const email = input({ name: 'email', type: 'email', autocomplete: 'email', required: true, maxLength: 254, placeholder: 'you@example.com' });
    const password = input({ name: 'password', type: 'password', autocomplete: signup ? 'new-password' : 'current-password', required: true, minLength: signup ? 10 : 1, maxLength: 256, placeholder: signup ? 'At least 10 characters' : 'Your password' });
    const error = formError();
    const submit = el('button', 'shell-primary shell-submit', signup ? 'Create merchant account' : 'Sign in');
    submit.type = 'submit';
    const form = el('form', 'shell-auth-form', ...(signup ? [field('Business name', name)] : []), field('Email', email), field('Password', password), error, submit);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void go();
    });
    const tab = (to: 'login' | 'signup', text: string) => {
      const b = el('button', `shell-segment desk-segment${to === mode ? ' shell-segment-active' : ''}`, text);
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(to === mode));
      b.addEventListener('click', () => to !== mode && draw(to));
      return b;
    };
    const session = el('p', 'desk-session-note', 'Signing in here keeps you signed in to the Atrium app and the other console on this browser, as whoever you are there.');
    session.dataset.testid = 'session-note';
    card.replaceChildren(
      ...(o.notice ? [el('div', 'desk-auth-notice', o.notice)] : []),
      ...(canSignUp ? [segments(tab('login', 'Sign in'), tab('signup', 'Create account'))] : [el('h2', 'desk-auth-heading', 'Sign in')]),
      form,
      session,
      ...(o.kind === 'admin' ? [el('p', 'desk-session-note', 'Admin accounts are made by an operator, with atrium-host admin create.')] : []),
    );
    queueMicrotask(() => (signup ? name : email).focus({ preventScroll: true }));

    async function go(): Promise<void> {
      submit.disabled = true;
      error.say(null);
      try {
        const account = signup
          ? await auth.signup({ kind: 'merchant', displayName: name.value.trim(), email: email.value.trim(), password: password.value })
          : await auth.login({ kind: o.kind, email: email.value.trim(), password: password.value });
        o.signedIn(account);
      } catch (e) {
        submit.disabled = false;
        error.say(formMessage(e, LABELS));
      }
    }
  }
  return root;
}

const LABELS = { displayName: 'Business name', email: 'Email', password: 'Password' };
