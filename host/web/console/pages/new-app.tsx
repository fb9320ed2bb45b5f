/** @jsxImportSource preact */
/**
 * Create an app: name, category, description and an optional icon. The host answers with the new
 * id and, this once, the app secret.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../../api/client.ts';
import { formatBytes } from '../../common/format.ts';
import { Note, PageHead, Panel } from '../../desk/ui.tsx';
import { Form, FormError, Link, Submit, TextArea, TextInput, useForm, useTitle, type FormState } from '../../kit/index.ts';
import type { AppSecret, AppView } from '../api.ts';
import { consolePaths } from '../routes.ts';
import { SecretReveal } from '../secret.tsx';

const ICON_MAX = 256 * 1024;
const ICON_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const CATEGORIES = ['shopping', 'food', 'services', 'tools', 'travel', 'education', 'entertainment', 'health', 'social', 'finance'];
const LABELS = { name: 'Name', category: 'Category', description: 'Description', icon: 'Icon' };

export function NewAppPage() {
  useTitle('New app');
  const made = useSignal<{ app: AppView; secret: AppSecret } | null>(null);
  return (
    <div class="desk-page desk-page-narrow">
      <PageHead
        title="New app"
        back={
          <Link href={consolePaths.apps} class="desk-back">
            Your apps
          </Link>
        }
      />
      <div class="desk-slot">{made.value ? <Created {...made.value} /> : <NewAppForm created={(app, secret) => (made.value = { app, secret })} />}</div>
    </div>
  );
}

function NewAppForm({ created }: { created(app: AppView, secret: AppSecret): void }) {
  const form = useForm(LABELS);
  const name = useSignal('');
  const category = useSignal('');
  const description = useSignal('');
  const icon = useIcon(form);

  async function create(): Promise<void> {
    const picked = icon.url.value;
    const body = { name: name.value.trim(), category: category.value.trim().toLowerCase(), description: description.value.trim(), ...(picked ? { icon: picked.slice(picked.indexOf(',') + 1) } : {}) };
    const answer = await must(api.POST('/api/merchant/apps', { body }));
    created(answer.app, answer.secret);
  }

  return (
    <Panel title="About the app">
      <Form form={form} onSubmit={create} class="desk-form" validate>
        <TextInput label="Name" hint="Shown in the directory, at most 40 characters." focus name="name" type="text" required maxLength={40} placeholder="Tea House Shop" autocomplete="off" value={name} onInput={(e) => (name.value = e.currentTarget.value)} />
        <TextInput
          label="Category"
          hint="Lowercase, like shopping or food. Some categories need a licence from Atrium."
          name="category"
          type="text"
          required
          maxLength={40}
          placeholder="shopping"
          autocomplete="off"
          list="desk-categories"
          value={category}
          onInput={(e) => (category.value = e.currentTarget.value)}
        />
        <datalist id="desk-categories">
          {CATEGORIES.map((c) => (
            <option value={c} />
          ))}
        </datalist>
        <TextArea label="Description" hint="Optional; at most 500 characters." name="description" maxLength={500} placeholder="What people can do with it, in a sentence or two." value={description} onInput={(e) => (description.value = e.currentTarget.value)} />
        <TextInput
          key={icon.input.value}
          label="Icon"
          hint="Optional: a square PNG, JPEG or WebP of at most 256 KiB. Without one, Atrium draws one from the name."
          name="icon"
          type="file"
          accept={ICON_TYPES.join(',')}
          class="shell-field-input desk-file"
          onChange={(e) => void icon.pick(e.currentTarget.files?.[0])}
        />
        <span class="desk-icon-preview">
          {icon.url.value && (
            <>
              <img class="shell-icon shell-icon-large shell-icon-image" src={icon.url.value} alt="Icon preview" />
              <button type="button" class="shell-link-button" onClick={icon.clear}>
                Remove
              </button>
            </>
          )}
        </span>
        <FormError form={form} />
        <div class="desk-form-actions">
          <Submit form={form} class="shell-primary desk-submit">
            Create app
          </Submit>
          <Link href={consolePaths.apps} class="desk-button desk-button-quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </Panel>
  );
}

/**
 * The icon picked, as a data URL for the preview (the host takes the base64 after its comma),
 * checked for type and size here so the merchant hears at once.
 */
function useIcon(form: FormState) {
  const url = useSignal<string | null>(null);
  // A new key is a new, empty file input: the only way to clear one.
  const input = useSignal(0);
  async function pick(f: File | undefined): Promise<void> {
    url.value = null;
    form.say(null);
    if (!f) return;
    if (!ICON_TYPES.includes(f.type)) return form.say('The icon must be a PNG, JPEG or WebP image.');
    if (f.size > ICON_MAX) return form.say(`The icon is ${formatBytes(f.size)}; it may be at most ${formatBytes(ICON_MAX)}.`);
    url.value = await readAsDataUrl(f).catch((e: Error) => (form.say(e.message), null));
  }
  function clear(): void {
    url.value = null;
    input.value++;
  }
  return { url, input, pick, clear };
}

function readAsDataUrl(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.readAsDataURL(f);
  });
}

function Created({ app, secret }: { app: AppView; secret: AppSecret }) {
  return (
    <Panel title={`${app.name} is created`}>
      <Note>Its id goes in your CLI commands and your backend; users will find it in the directory once you release a version.</Note>
      <SecretReveal secret={secret} />
      <div class="desk-form-actions">
        <Link href={consolePaths.app(app.id)} replace class="shell-primary shell-button-link desk-inline-button">
          I have stored the secret: go to the app
        </Link>
      </div>
    </Panel>
  );
}
