/** A version's manifest as a reviewer reads it: pages, tab bar, window, network and scopes with reasons. */
import { el } from '../../../sdk/view/chrome/index.ts';
import { facts, note } from '../desk/ui.ts';
import type { ReviewEntry } from './api.ts';

export function manifestView(item: ReviewEntry): HTMLElement {
  const m = item.version.manifest;
  const list = (xs: string[], none: string) => (xs.length ? el('span', 'desk-changes', ...xs.map((x) => el('span', 'desk-chip', x))) : el('span', 'desk-muted', none));
  return el(
    'div',
    'desk-manifest',
    facts([
      ['Name', m.name],
      ['Version', m.version],
      ['Category', m.category ?? '—'],
      ['Description', m.description ?? '—'],
      ['Pages', list(m.pages, 'none')],
      ['Tab bar', list((m.tabBar?.items ?? []).map((t) => `${t.text} → ${t.page}`), 'none')],
      ['Window', [m.window?.title ? `title “${m.window.title}”` : '', m.window?.background ? `background ${m.window.background}` : ''].filter(Boolean).join(', ') || '—'],
      ['Network domains', list(m.network.domains, 'none: it cannot reach the network')],
    ]),
  );
}

/** The scopes the version asks for, each with its title and the merchant's reason. */
export function scopesView(item: ReviewEntry): HTMLElement {
  if (!item.scopes.length) return note('It asks for no scopes.');
  return el(
    'ul',
    'desk-scopes',
    ...item.scopes.map((s) => el('li', 'desk-scope', el('div', 'desk-scope-head', el('span', 'desk-chip', s.scope), el('strong', '', s.title)), el('div', 'desk-scope-reason', `“${s.reason}”`))),
  );
}
