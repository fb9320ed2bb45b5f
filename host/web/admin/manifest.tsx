/** @jsxImportSource preact */
/** A version's manifest as a reviewer reads it: pages, tab bar, window, network and scopes with reasons. */
import { Facts, Note } from '../desk/ui.tsx';
import type { ReviewEntry } from './api.ts';

function Chips({ items, none }: { items: string[]; none: string }) {
  if (!items.length) return <span class="desk-muted">{none}</span>;
  return (
    <span class="desk-changes">
      {items.map((x) => (
        <span class="desk-chip">{x}</span>
      ))}
    </span>
  );
}

export function ManifestView({ item }: { item: ReviewEntry }) {
  const m = item.version.manifest;
  const window = [m.window?.title ? `title “${m.window.title}”` : '', m.window?.background ? `background ${m.window.background}` : ''].filter(Boolean).join(', ');
  return (
    <div class="desk-manifest">
      <Facts
        rows={[
          ['Name', m.name],
          ['Version', m.version],
          ['Category', m.category ?? '—'],
          ['Description', m.description ?? '—'],
          ['Pages', <Chips items={m.pages} none="none" />],
          ['Tab bar', <Chips items={(m.tabBar?.items ?? []).map((t) => `${t.text} → ${t.page}`)} none="none" />],
          ['Window', window || '—'],
          ['Network domains', <Chips items={m.network.domains} none="none: it cannot reach the network" />],
        ]}
      />
    </div>
  );
}

/** The scopes the version asks for, each with its title and the merchant's reason. */
export function ScopesView({ item }: { item: ReviewEntry }) {
  if (!item.scopes.length) return <Note>It asks for no scopes.</Note>;
  return (
    <ul class="desk-scopes">
      {item.scopes.map((s) => (
        <li class="desk-scope">
          <div class="desk-scope-head">
            <span class="desk-chip">{s.scope}</span>
            <strong>{s.title}</strong>
          </div>
          <div class="desk-scope-reason">{`“${s.reason}”`}</div>
        </li>
      ))}
    </ul>
  );
}
