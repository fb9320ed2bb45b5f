/**
 * Create an app: name, category, description and an optional icon. The host answers with the new
 * id and, this once, the app secret.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { formatBytes } from '../../common/format.ts';
import { formMessage, isSignedOut } from '../../common/http.ts';
import type { DeskContext, Page } from '../../desk/dom/context.ts';
import { field, formError, input, note, pageHead, panel, textarea } from '../../desk/dom/ui.ts';
import { merchantApi, type AppSecret, type AppView } from '../api.ts';
import { consolePaths, type ConsoleRoute } from '../routes.ts';
import { secretReveal } from '../secret.ts';

const ICON_MAX = 256 * 1024;
const ICON_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const CATEGORIES = ['shopping', 'food', 'services', 'tools', 'travel', 'education', 'entertainment', 'health', 'social', 'finance'];
const LABELS = { name: 'Name', category: 'Category', description: 'Description', icon: 'Icon' };

export function newAppPage(ctx: DeskContext<ConsoleRoute>): Page {
  const { router } = ctx;
  const name = input({ name: 'name', type: 'text', required: true, maxLength: 40, placeholder: 'Tea House Shop', autocomplete: 'off' });
  const category = input({ name: 'category', type: 'text', required: true, maxLength: 40, placeholder: 'shopping', autocomplete: 'off' });
  const choices = el('datalist', '', ...CATEGORIES.map((c) => Object.assign(el('option', ''), { value: c })));
  choices.id = 'desk-categories';
  category.setAttribute('list', choices.id);
  const description = textarea({ name: 'description', maxLength: 500, placeholder: 'What people can do with it, in a sentence or two.' });
  const file = input({ name: 'icon', type: 'file', accept: ICON_TYPES.join(',') });
  file.classList.add('desk-file');
  const preview = el('span', 'desk-icon-preview');
  const error = formError();
  const submit = el('button', 'shell-primary desk-submit', 'Create app');
  submit.type = 'submit';
  let icon: string | undefined;

  file.addEventListener('change', () => void pick());
  async function pick(): Promise<void> {
    icon = undefined;
    preview.replaceChildren();
    error.say(null);
    const f = file.files?.[0];
    if (!f) return;
    if (!ICON_TYPES.includes(f.type)) return error.say('The icon must be a PNG, JPEG or WebP image.');
    if (f.size > ICON_MAX) return error.say(`The icon is ${formatBytes(f.size)}; it may be at most ${formatBytes(ICON_MAX)}.`);
    const url = await readAsDataUrl(f);
    icon = url.slice(url.indexOf(',') + 1);
    const img = el('img', 'shell-icon shell-icon-large shell-icon-image');
    img.src = url;
    img.alt = 'Icon preview';
    preview.replaceChildren(img, button('shell-link-button', clearIcon, 'Remove'));
  }
  function clearIcon(): void {
    icon = undefined;
    file.value = '';
    preview.replaceChildren();
  }

  const form = el(
    'form',
    'desk-form',
    field('Name', name, 'Shown in the directory, at most 40 characters.'),
    field('Category', category, 'Lowercase, like shopping or food. Some categories need a licence from Atrium.'),
    choices,
    field('Description', description, 'Optional; at most 500 characters.'),
    field('Icon', file, 'Optional: a square PNG, JPEG or WebP of at most 256 KiB. Without one, Atrium draws one from the name.'),
    preview,
    error,
    el('div', 'desk-form-actions', submit, router.link(consolePaths.apps, 'desk-button desk-button-quiet', 'Cancel')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void create();
  });
  const body = el('div', 'desk-slot', panel('About the app', form));
  const root = el('div', 'desk-page desk-page-narrow', pageHead('New app', { back: router.link(consolePaths.apps, 'desk-back', 'Your apps') }), body);

  async function create(): Promise<void> {
    submit.disabled = true;
    error.say(null);
    try {
      const made = await merchantApi.create({ name: name.value.trim(), category: category.value.trim().toLowerCase(), description: description.value.trim(), ...(icon ? { icon } : {}) });
      created(made.app, made.secret);
    } catch (e) {
      submit.disabled = false;
      if (isSignedOut(e)) return ctx.failed(e);
      error.say(formMessage(e, LABELS));
    }
  }

  function created(app: AppView, secret: AppSecret): void {
    body.replaceChildren(
      panel(
        `${app.name} is created`,
        note('Its id goes in your CLI commands and your backend; users will find it in the directory once you release a version.'),
        secretReveal(secret),
        el('div', 'desk-form-actions', router.replaceLink(consolePaths.app(app.id), 'shell-primary shell-button-link desk-inline-button', 'I have stored the secret: go to the app')),
      ),
    );
  }

  queueMicrotask(() => name.focus({ preventScroll: true }));
  return { el: root, title: 'New app' };
}

function readAsDataUrl(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.readAsDataURL(f);
  });
}
