/**
 * An app's icon as the host draws it: a rounded square in a colour chosen from the app id, with the
 * app's initial. Programs have no say in it, so no program image ever stands in for the host's UI.
 */
import { el } from '../../../sdk/view/chrome/index.ts';

const PALETTE = ['#07c160', '#10aeff', '#fa9d3b', '#fa5151', '#6467f0', '#1485ee', '#e6a23c', '#b153e6', '#0bb3a5', '#f06292'];

export function iconColour(appId: string): string {
  // FNV-1a: short ids that differ by a letter still land on different colours.
  let h = 0x811c9dc5;
  for (const c of appId) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** The first character a person would see (a whole emoji or CJK character, never half of one). */
export function initial(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}

export function appIcon(app: { id: string; name: string }, size: 'small' | 'medium' | 'large' = 'medium'): HTMLElement {
  const icon = el('span', `shell-icon shell-icon-${size}`, initial(app.name));
  icon.style.setProperty('--icon-colour', iconColour(app.id));
  icon.setAttribute('aria-hidden', 'true');
  return icon;
}
