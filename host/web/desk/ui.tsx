/** @jsxImportSource preact */
/**
 * The consoles' building blocks: page headers, panels, facts, notes, codes, status filters. Every
 * string is text, never markup (Preact sets text nodes).
 */
import type { ComponentChildren, VNode } from 'preact';

/** The top of a page: an optional way back, the title, a line under it and actions on the right. */
export function PageHead({ title, back, sub, actions, lead }: { title: ComponentChildren; back?: VNode; sub?: ComponentChildren[]; actions?: ComponentChildren; lead?: VNode }) {
  const line = sub?.filter((part) => part !== '' && part !== null && part !== false);
  return (
    <header class="desk-head">
      {lead}
      <div class="desk-head-text">
        {back}
        <h1 class="desk-title">{title}</h1>
        {line?.length ? <div class="desk-head-sub">{line}</div> : null}
      </div>
      {actions && <div class="desk-head-actions">{actions}</div>}
    </header>
  );
}

/** A titled white card, named by its title for assistive technology. */
export function Panel({ title, testid, children }: { title: string; testid?: string; children: ComponentChildren }) {
  return (
    <section class="desk-panel" aria-label={title} data-testid={testid}>
      <h2 class="desk-panel-title">{title}</h2>
      {children}
    </section>
  );
}

/** A line of explanation, in grey. */
export function Note({ children }: { children: ComponentChildren }) {
  return <p class="desk-note">{children}</p>;
}

/** Label and value pairs, in a grid on wide screens; a row that is `false`, `null` or '' is left out. */
export function Facts({ rows }: { rows: (readonly [string, ComponentChildren] | false | null | '')[] }) {
  return (
    <dl class="desk-facts">
      {rows.filter((row) => !!row).map(([k, v]) => (
        <div class="desk-fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Mono({ children }: { children: string }) {
  return <code class="desk-mono">{children}</code>;
}

export function Subtitle({ children }: { children: ComponentChildren }) {
  return <h3 class="desk-subtitle">{children}</h3>;
}

/** Text a person wrote (notes, reasons): kept as written, line breaks and all. */
export function Notes({ muted = false, children }: { muted?: boolean; children: ComponentChildren }) {
  return <p class={muted ? 'desk-notes desk-muted' : 'desk-notes'}>{children}</p>;
}

/** Chips that pick one value (a status filter): the chosen one is pressed. */
export function FilterChips<T extends string>({ label, options, value, pick }: { label: string; options: { value: T; text: string }[]; value: T; pick(value: T): void }) {
  return (
    <div class="desk-filters" role="group" aria-label={label}>
      {options.map((o) => (
        <button type="button" class={`desk-chip-button${o.value === value ? ' desk-chip-button-active' : ''}`} aria-pressed={o.value === value} onClick={() => pick(o.value)}>
          {o.text}
        </button>
      ))}
    </div>
  );
}
