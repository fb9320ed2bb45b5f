/**
 * An app's icon as the host draws it: the merchant's uploaded icon when the app has one (an image
 * the host checked and serves itself), else a rounded square in a colour chosen from the app id
 * with the app's initial. A program's own code has no say in either.
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

export type IconSize = 'small' | 'medium' | 'large';

/** Only the host's own icon addresses are drawn as images: `/api/apps/<id>/icon`. */
export function isHostIcon(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^\/api\/apps\/[^/?#]+\/icon$/.test(url);
}

export function appIcon(app: { id: string; name: string; iconUrl?: string | null }, size: IconSize = 'medium'): HTMLElement {
  const generated = el('span', `shell-icon shell-icon-${size}`, initial(app.name));
  generated.style.setProperty('--icon-colour', iconColour(app.id));
  generated.setAttribute('aria-hidden', 'true');
  if (!isHostIcon(app.iconUrl)) return generated;
  const img = el('img', `shell-icon shell-icon-${size} shell-icon-image`);
  img.src = app.iconUrl;
  img.alt = '';
  img.decoding = 'async';
  img.setAttribute('aria-hidden', 'true');
  // Gone since the list was loaded (or not an image after all): the generated icon stands in.
  img.addEventListener('error', () => img.replaceWith(generated), { once: true });
  return img;
}
