import { styleProperties, styleValuePattern, unitlessStyleProperties, type Style } from '../contract/view.ts';

const ALLOWED = new Set<string>(styleProperties);
const UNITLESS = new Set<string>(unitlessStyleProperties);

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/**
 * Sets a program's style on an element through the CSSOM, one whitelisted property at a time.
 * The runtime validated it already; this checks again, so the shell never trusts a view.
 */
export function applyStyle(el: HTMLElement, style: unknown): void {
  el.removeAttribute('style');
  if (!style || typeof style !== 'object' || Array.isArray(style)) return;
  for (const [name, raw] of Object.entries(style as Style)) {
    if (!ALLOWED.has(name)) continue;
    let value: string;
    if (typeof raw === 'number' && Number.isFinite(raw)) value = UNITLESS.has(name) ? String(raw) : `${raw}px`;
    else if (typeof raw === 'string' && styleValuePattern.test(raw)) value = raw;
    else continue;
    el.style.setProperty(kebab(name), value);
  }
}
