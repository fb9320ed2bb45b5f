import type { ComponentName, ViewNode } from '../contract/view.ts';
import { applyStyle } from './style.ts';

/** A view node drawn in the DOM: its element, where its children go, and its form field if any. */
export interface Mounted {
  node: ViewNode;
  el: HTMLElement;
  /** Where child nodes are placed; null for components without children. */
  slot: HTMLElement | null;
  /** The input, textarea or select of a field component. */
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  kids: (Mounted | Text)[];
}

export interface DrawContext {
  doc: Document;
  /** The URL an image's `src` is loaded from, or null to show nothing. */
  imageUrl(src: string): string | null;
}

type Props = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** Creates the elements of one component, empty: `update` fills in its props. */
export function create(type: ComponentName, ctx: DrawContext): Omit<Mounted, 'node' | 'kids'> {
  const d = ctx.doc;
  const el = (tag: string, cls: string) => {
    const e = d.createElement(tag);
    e.className = cls;
    return e;
  };
  switch (type) {
    case 'view': {
      const e = el('div', 'at-view');
      return { el: e, slot: e, field: null };
    }
    case 'text': {
      const e = el('span', 'at-text');
      return { el: e, slot: e, field: null };
    }
    case 'image': {
      const e = el('img', 'at-image') as HTMLImageElement;
      e.loading = 'lazy';
      e.decoding = 'async';
      e.referrerPolicy = 'no-referrer';
      return { el: e, slot: null, field: null };
    }
    case 'button': {
      const e = el('button', 'at-button');
      return { el: e, slot: e, field: null };
    }
    case 'input': {
      const e = el('input', 'at-input') as HTMLInputElement;
      e.autocomplete = 'off';
      return { el: e, slot: null, field: e };
    }
    case 'textarea': {
      const e = el('textarea', 'at-textarea') as HTMLTextAreaElement;
      return { el: e, slot: null, field: e };
    }
    case 'switch': {
      const e = el('label', 'at-switch');
      const input = el('input', 'at-switch-input') as HTMLInputElement;
      input.type = 'checkbox';
      input.setAttribute('role', 'switch');
      e.append(input, el('span', 'at-switch-track'));
      return { el: e, slot: null, field: input };
    }
    case 'checkbox': {
      const e = el('label', 'at-checkbox');
      const input = el('input', 'at-checkbox-input') as HTMLInputElement;
      input.type = 'checkbox';
      const label = el('span', 'at-checkbox-label');
      e.append(input, el('span', 'at-checkbox-box'), label);
      return { el: e, slot: label, field: input };
    }
    case 'picker': {
      const e = el('label', 'at-picker');
      const label = el('span', 'at-picker-label');
      const select = el('select', 'at-picker-select') as HTMLSelectElement;
      e.append(label, select);
      return { el: e, slot: label, field: select };
    }
    case 'form': {
      const e = el('form', 'at-form') as HTMLFormElement;
      e.noValidate = true;
      return { el: e, slot: e, field: null };
    }
    case 'list': {
      const e = el('div', 'at-list');
      e.setAttribute('role', 'list');
      return { el: e, slot: e, field: null };
    }
    case 'navigator': {
      const e = el('div', 'at-navigator');
      e.setAttribute('role', 'link');
      e.tabIndex = 0;
      return { el: e, slot: e, field: null };
    }
    case 'scroll-view': {
      const e = el('div', 'at-scroll-view');
      return { el: e, slot: e, field: null };
    }
  }
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function classes(base: string, extra: (string | false | null | undefined)[]): string {
  return [base, ...extra.filter(Boolean)].join(' ');
}

/**
 * Brings a mounted component's elements in line with its props (`m.node.props`); `prev` are the
 * props it was drawn with before, so a field's value is only overwritten when the program changed it.
 */
export function update(m: Mounted, prev: Props | null, ctx: DrawContext): void {
  const p = m.node.props;
  const el = m.el;
  const changed = (k: string) => prev === null || prev[k] !== p[k];
  applyStyle(el, p.style);
  el.hidden = p.hidden === true;
  setAttr(el, 'data-id', str(p.id));
  const disabled = p.disabled === true;
  switch (m.node.type) {
    case 'view':
    case 'list':
    case 'navigator':
    case 'form':
      el.className = classes(`at-${m.node.type}`, [typeof p.onTap === 'string' && 'at-tappable']);
      break;
    case 'text':
      el.className = classes('at-text', [p.selectable === true && 'at-selectable']);
      break;
    case 'scroll-view':
      el.className = classes('at-scroll-view', [p.direction === 'horizontal' && 'at-horizontal']);
      break;
    case 'image': {
      const img = el as HTMLImageElement;
      const src = str(p.src);
      const url = src ? ctx.imageUrl(src) : null;
      setAttr(img, 'src', url);
      img.alt = str(p.alt) ?? '';
      img.className = classes('at-image', [typeof p.mode === 'string' && `at-mode-${p.mode}`]);
      break;
    }
    case 'button': {
      const b = el as HTMLButtonElement;
      b.type = p.formType === 'submit' ? 'submit' : p.formType === 'reset' ? 'reset' : 'button';
      b.disabled = disabled;
      b.className = classes('at-button', [
        `at-${typeof p.kind === 'string' ? p.kind : 'default'}`,
        p.size === 'mini' && 'at-mini',
        p.loading === true && 'at-loading',
      ]);
      setAttr(b, 'aria-busy', p.loading === true ? 'true' : null);
      break;
    }
    case 'input':
    case 'textarea': {
      const f = m.field as HTMLInputElement | HTMLTextAreaElement;
      if (f instanceof HTMLInputElement) {
        const type = p.type;
        f.type = type === 'password' || type === 'tel' || type === 'email' ? type : 'text';
        setAttr(f, 'inputmode', type === 'number' ? 'decimal' : type === 'digit' ? 'numeric' : null);
        setAttr(f, 'enterkeyhint', typeof p.onConfirm === 'string' ? 'done' : null);
      }
      f.name = str(p.name) ?? '';
      f.placeholder = str(p.placeholder) ?? '';
      f.disabled = disabled;
      if (typeof p.maxLength === 'number' && p.maxLength >= 0) f.maxLength = p.maxLength;
      else f.removeAttribute('maxlength');
      const value = str(p.value) ?? '';
      if (changed('value') && f.value !== value) f.value = value;
      break;
    }
    case 'switch':
    case 'checkbox': {
      const f = m.field as HTMLInputElement;
      f.name = str(p.name) ?? '';
      f.disabled = disabled;
      if (m.node.type === 'checkbox') f.value = str(p.value) ?? 'on';
      if (changed('checked')) f.checked = p.checked === true;
      el.className = classes(`at-${m.node.type}`, [disabled && 'at-disabled']);
      break;
    }
    case 'picker': {
      const s = m.field as HTMLSelectElement;
      s.name = str(p.name) ?? '';
      s.disabled = disabled;
      const options = Array.isArray(p.options) ? p.options.filter((o): o is string => typeof o === 'string') : [];
      if (prev === null || JSON.stringify(prev.options) !== JSON.stringify(p.options)) {
        s.replaceChildren(
          ...options.map((text, i) => {
            const o = ctx.doc.createElement('option');
            o.value = String(i);
            o.textContent = text;
            return o;
          }),
        );
      }
      if (changed('value') || changed('options')) s.selectedIndex = typeof p.value === 'number' && p.value < options.length ? p.value : -1;
      break;
    }
  }
}

/** The value a field holds now, as an event or a form submission reports it. */
export function fieldValue(m: Mounted): string | boolean | number | null {
  const f = m.field;
  if (!f) return null;
  if (f instanceof HTMLSelectElement) return f.selectedIndex >= 0 ? f.selectedIndex : null;
  if (f instanceof HTMLInputElement && f.type === 'checkbox') return f.checked;
  return f.value;
}
