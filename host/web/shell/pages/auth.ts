/**
 * Log in and sign up: one page with a switch between the two, then on to where the user was going.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formMessage } from '../../common/http.ts';
import { api, type Account } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';

export function authPage(ctx: ShellContext, mode: 'login' | 'signup', next: string): Page {
  const { router } = ctx;
  const signup = mode === 'signup';
  const nextQuery = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;

  const fields: HTMLInputElement[] = [];
  const field = (label: string, name: string, type: string, autocomplete: string, extra: Partial<HTMLInputElement> = {}) => {
    const input = el('input', 'shell-field-input');
    Object.assign(input, { name, type, autocomplete, required: true, ...extra });
    fields.push(input);
    return el('label', 'shell-field', el('span', 'shell-field-label', label), input);
  };
  const name = signup ? field('Name', 'displayName', 'text', 'nickname', { maxLength: 64, placeholder: 'What should we call you?' }) : null;
  const email = field('Email', 'email', 'email', 'email', { placeholder: 'you@example.com', maxLength: 254 });
  const password = field('Password', 'password', 'password', signup ? 'new-password' : 'current-password', {
    placeholder: signup ? 'At least 10 characters' : 'Your password',
    minLength: signup ? 10 : 1,
    maxLength: 256,
  });
  const error = el('div', 'shell-form-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const submit = el('button', 'shell-primary shell-submit', signup ? 'Create account' : 'Log in');
  submit.type = 'submit';
  const form = el('form', 'shell-auth-form', ...(name ? [name] : []), email, password, error, submit);
  form.noValidate = false;

  const tab = (to: 'login' | 'signup', text: string) => {
    // Switching between the two replaces the entry: the whole sign-in is one step back.
    const a = router.replaceLink(`/${to}${nextQuery}`, `shell-segment${to === mode ? ' shell-segment-active' : ''}`, text);
    if (to === mode) a.setAttribute('aria-current', 'page');
    return a;
  };

  const root = el(
    'div',
    'shell-auth',
    el(
      'div',
      'shell-auth-brand',
      el('span', 'shell-logo', 'A'),
      el('h1', 'shell-auth-title', 'Atrium'),
      el('p', 'shell-auth-tagline', 'Shops, services and more in one app. Nothing to install.'),
    ),
    el('div', 'shell-card shell-auth-card', el('nav', 'shell-segments', tab('login', 'Log in'), tab('signup', 'Sign up')), form),
    router.link('/', 'shell-auth-browse', 'Just looking? Browse mini-programs'),
  );

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void go();
  });

  async function go(): Promise<void> {
    const value = (i: number) => fields[i]!.value;
    submit.disabled = true;
    error.hidden = true;
    let account: Account;
    try {
      account = signup
        ? await api.signup({ displayName: value(0).trim(), email: value(1).trim(), password: value(2) })
        : await api.login({ email: value(0).trim(), password: value(1) });
    } catch (e) {
      submit.disabled = false;
      error.textContent = formMessage(e, LABELS);
      error.hidden = false;
      return;
    }
    ctx.setAccount(account);
    router.navigate(next, { replace: true });
  }

  queueMicrotask(() => fields[0]?.focus({ preventScroll: true }));
  return { el: root, title: `${signup ? 'Sign up' : 'Log in'} · Atrium` };
}

const LABELS = { displayName: 'Name', email: 'Email', password: 'Password' };
