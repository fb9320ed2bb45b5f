/** @jsxImportSource preact */
/** Values and commands a merchant copies into their own tools: ids, secrets, CLI lines. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

const SAID_MS = 1600;

/** Copies `text`, then says so on the button for a moment. */
export function CopyButton({ text, label = 'Copy', class: cls = 'desk-button', 'aria-label': name }: { text: string; label?: string; class?: string; 'aria-label'?: string }) {
  const said = useSignal<string | null>(null);
  useEffect(() => {
    if (said.value === null) return;
    const wait = setTimeout(() => (said.value = null), SAID_MS);
    return () => clearTimeout(wait);
  }, [said.value]);
  return (
    <button type="button" class={cls} aria-label={name} onClick={() => void copy(text).then((ok) => (said.value = ok ? 'Copied' : 'Select and copy'))}>
      {said.value ?? label}
    </button>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on another host): the old way, through a selected field.
    const t = document.createElement('textarea');
    t.className = 'desk-offscreen';
    t.value = text;
    document.body.append(t);
    t.select();
    const ok = document.execCommand('copy');
    t.remove();
    return ok;
  }
}

/** A value to copy: shown in a read-only box with a copy button beside it. */
export function Copyable({ value, label, testid }: { value: string; label: string; testid?: string }) {
  return (
    <div class="desk-copy">
      <code class="desk-copy-value" data-testid={testid}>
        {value}
      </code>
      <CopyButton text={value} aria-label={`Copy ${label}`} />
    </div>
  );
}

/** Commands to type, one a line, with a copy button. */
export function Commands({ lines }: { lines: string[] }) {
  const text = lines.join('\n');
  return (
    <div class="desk-code">
      <pre>{text}</pre>
      <CopyButton text={text} class="desk-button desk-code-copy" />
    </div>
  );
}
