/** @jsxImportSource preact */
/** The shell's small building blocks: titled sections, loading rows, quiet notes, host-written quotes. */
import type { ComponentChildren } from 'preact';

/** A titled group of rows or tiles. */
export function Section({ title, note, hidden, children }: { title: string; note?: string; hidden?: boolean; children: ComponentChildren }) {
  return (
    <section class="shell-section" hidden={hidden}>
      <h2 class="shell-section-title">{title}</h2>
      {note && <p class="shell-section-note">{note}</p>}
      {children}
    </section>
  );
}

/** Shown while something loads: grey blocks in the shape of the rows that will come. */
export function Skeleton({ rows }: { rows: number }) {
  return (
    <div class="shell-list shell-skeleton" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, () => (
        <div class="shell-row">
          <span class="shell-icon shell-icon-medium shell-bone" />
          <span class="shell-row-text">
            <span class="shell-bone shell-bone-line" />
            <span class="shell-bone shell-bone-short" />
          </span>
        </div>
      ))}
    </div>
  );
}

/** A line in a small white box where a list would be: nothing there yet. */
export function Quiet({ children }: { children: string }) {
  return (
    <div class="shell-empty shell-empty-small">
      <div class="shell-empty-text">{children}</div>
    </div>
  );
}

/** Someone's words with who they are: a reason, an answer, a decision. Kept as written. */
export function Quote({ label, text }: { label: string; text: string }) {
  return (
    <div class="shell-quote">
      <div class="shell-quote-label">{label}</div>
      <div class="shell-quote-text">{text}</div>
    </div>
  );
}
