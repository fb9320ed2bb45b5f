/**
 * The consoles' building blocks: page headers, panels, badges, facts, fields, loading and failure
 * states, copy buttons. Built with DOM APIs only; every string becomes a text node.
 */
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { labelledField } from '../../common/field.ts';

export { formError } from '../../common/field.ts';

export type Tone = 'green' | 'blue' | 'orange' | 'red' | 'grey';

export function badge(text: string, tone: Tone): HTMLElement {
  return el('span', `desk-badge desk-badge-${tone}`, text);
}

/** The top of a page: an optional way back, the title, a line under it and actions on the right. */
export function pageHead(title: string | Node, o: { back?: HTMLAnchorElement; sub?: (Node | string)[]; actions?: Node[]; lead?: Node } = {}): HTMLElement {
  const h1 = el('h1', 'desk-title', title);
  const text = el('div', 'desk-head-text', ...(o.back ? [o.back] : []), h1, ...(o.sub?.length ? [el('div', 'desk-head-sub', ...o.sub)] : []));
  return el('header', 'desk-head', ...(o.lead ? [o.lead] : []), text, ...(o.actions?.length ? [el('div', 'desk-head-actions', ...o.actions)] : []));
}

/** A titled white card, named by its title for assistive technology. */
export function panel(title: string, ...children: (Node | string)[]): HTMLElement {
  const p = el('section', 'desk-panel', el('h2', 'desk-panel-title', title), ...children);
  p.setAttribute('aria-label', title);
  return p;
}

/** A line of explanation, in grey. */
export function note(...text: (Node | string)[]): HTMLElement {
  return el('p', 'desk-note', ...text);
}

/** Label and value pairs, in a grid on wide screens. */
export function facts(rows: [string, Node | string][]): HTMLElement {
  return el('dl', 'desk-facts', ...rows.map(([k, v]) => el('div', 'desk-fact', el('dt', '', k), el('dd', '', v))));
}

export function mono(text: string): HTMLElement {
  return el('code', 'desk-mono', text);
}

export function loading(): HTMLElement {
  const box = el('div', 'desk-loading', el('span', 'shell-bone shell-bone-line'), el('span', 'shell-bone shell-bone-short'), el('span', 'shell-bone shell-bone-short'));
  box.setAttribute('aria-busy', 'true');
  box.setAttribute('aria-label', 'Loading');
  return box;
}

/** Something could not be loaded: what the host said, and a way to try again. */
export function failure(title: string, e: unknown, retry: () => void): HTMLElement {
  return el('div', 'shell-empty desk-empty', el('div', 'shell-empty-title', title), el('div', 'shell-empty-text', (e as Error).message), button('shell-link-button', retry, 'Try again'));
}

export function empty(title: string, text: string, ...actions: Node[]): HTMLElement {
  return el('div', 'shell-empty desk-empty', el('div', 'shell-empty-icon'), el('div', 'shell-empty-title', title), el('div', 'shell-empty-text', text), ...actions);
}

/** A labelled form control with an optional hint under it (its description, not part of its name). */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return labelledField(label, control, hint, { field: 'shell-field desk-field', hint: 'desk-hint' });
}

export function input(attrs: Partial<HTMLInputElement> = {}): HTMLInputElement {
  const i = el('input', 'shell-field-input');
  Object.assign(i, attrs);
  return i;
}

export function textarea(attrs: Partial<HTMLTextAreaElement> = {}): HTMLTextAreaElement {
  const t = el('textarea', 'shell-field-input desk-textarea');
  Object.assign(t, { rows: 3, ...attrs });
  return t;
}

export function select(options: { value: string; text: string }[], attrs: Partial<HTMLSelectElement> = {}): HTMLSelectElement {
  const s = el('select', 'shell-field-input desk-select', ...options.map((o) => Object.assign(el('option', '', o.text), { value: o.value })));
  Object.assign(s, attrs);
  return s;
}


/** Copies `text`, then says so on the button for a moment. */
export function copyButton(text: () => string, label = 'Copy', cls = 'desk-button'): HTMLButtonElement {
  const b = button(cls, () => {
    void copy(text()).then((ok) => {
      b.textContent = ok ? 'Copied' : 'Select and copy';
      setTimeout(() => (b.textContent = label), 1600);
    });
  }, label);
  return b;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on another host): the old way, through a selected field.
    const t = el('textarea', 'desk-offscreen');
    t.value = text;
    document.body.append(t);
    t.select();
    const ok = document.execCommand('copy');
    t.remove();
    return ok;
  }
}

/** A value to copy: shown in a read-only box with a copy button beside it. */
export function copyable(value: string, label: string, testId?: string): HTMLElement {
  const box = el('code', 'desk-copy-value', value);
  if (testId) box.dataset.testid = testId;
  const b = copyButton(() => value);
  b.setAttribute('aria-label', `Copy ${label}`);
  return el('div', 'desk-copy', box, b);
}

/** Commands to type, one a line, with a copy button. */
export function commands(lines: string[]): HTMLElement {
  return el('div', 'desk-code', el('pre', '', lines.join('\n')), copyButton(() => lines.join('\n'), 'Copy', 'desk-button desk-code-copy'));
}

/** A button that runs `action` once at a time, disabled while it runs. */
export function actionButton(cls: string, text: string, action: () => Promise<void>): HTMLButtonElement {
  const b = button(cls, () => {
    if (b.disabled) return;
    b.disabled = true;
    void action().finally(() => (b.disabled = false));
  }, text);
  return b;
}

/**
 * A group of chips that picks one value (a status filter): the chosen one is pressed, and a click
 * on another redraws the group and tells `picked`.
 */
export function filterChips<T>(label: string, options: { value: T; text: string }[], initial: T, picked: (value: T) => void): HTMLElement {
  const group = el('div', 'desk-filters');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  let current = initial;
  const draw = () =>
    group.replaceChildren(
      ...options.map((o) => {
        const b = button(`desk-chip-button${o.value === current ? ' desk-chip-button-active' : ''}`, () => {
          current = o.value;
          draw();
          picked(o.value);
        }, o.text);
        b.setAttribute('aria-pressed', String(o.value === current));
        return b;
      }),
    );
  draw();
  return group;
}

