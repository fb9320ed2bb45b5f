/** @jsxImportSource preact */
/**
 * A bottom sheet of the host's own (paying, withdrawing), drawn in the host chrome's modal layer
 * over the whole shell, where its dialogs go too: a top bar with the way out and the title, then
 * the sheet's steps. Escape closes it while the way out is open.
 */
import { useSignal } from '@preact/signals';
import { createPortal, type ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { useSite } from '../../kit/index.ts';

export interface SheetProps {
  title: string;
  testid: string;
  /** Added to the sheet's classes. */
  class?: string;
  /** What the way out is called: `Cancel payment`. */
  closeLabel: string;
  /** False while the host is being asked, and once it is too late to turn back. */
  canClose: boolean;
  close(): void;
  children: ComponentChildren;
}

export function Sheet({ title, testid, class: cls, closeLabel, canClose, close, children }: SheetProps) {
  const { ui } = useSite();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const layer = ui.modalLayer;
    const mine = box.current;
    layer.hidden = false;
    // The layer dims the shell while anything is left on it (a host dialog may be open too).
    return () => void (layer.hidden = ![...layer.children].some((c) => c !== mine));
  }, []);
  return createPortal(
    <div
      ref={box}
      class={`shell-bottom-sheet shell-pay-sheet${cls ? ` ${cls}` : ''}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={id}
      data-testid={testid}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && canClose) close();
      }}
    >
      <div class="shell-pay-top">
        <button type="button" class="shell-pay-close" aria-label={closeLabel} disabled={!canClose} onClick={close} />
        <div class="shell-pay-title" id={id}>
          {title}
        </div>
      </div>
      {children}
    </div>,
    ui.modalLayer,
  );
}

/**
 * A sheet's steps: the one on screen, `go` to another, and `turn`, which counts the moves. Key the
 * sheet's body by `turn`, so each step is drawn afresh, even the same step again (the form, with
 * why the sheet came back to it).
 */
export function useSteps<S>(first: S): { step: S; turn: number; go(next: S): void } {
  const state = useSignal({ step: first, turn: 0 });
  return { ...state.value, go: (next) => (state.value = { step: next, turn: state.value.turn + 1 }) };
}

/** The line under the title: what pays or receives, and how much is there. Empty, it takes no room. */
export function Method({ label, value }: { label?: string; value?: string }) {
  return <div class="shell-pay-method">{label && [<span class="shell-pay-method-label">{label}</span>, <span class="shell-pay-method-value">{value}</span>]}</div>;
}

/** A sheet's last word with a way out (and another try, when there is one). */
export function Ended({ message, close, retry }: { message: string; close(): void; retry?: () => void }) {
  return (
    <>
      <p class="shell-pay-note" role="alert">
        {message}
      </p>
      <div class="shell-form-actions">
        <button type="button" class="shell-secondary shell-submit" onClick={close}>
          Close
        </button>
        {retry && (
          <button type="button" class="shell-primary shell-submit" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </>
  );
}

/** Done: a tick and a word (`Paid`, `Sent`), or a clock for money still on its way. */
export function Done({ text, pending = false }: { text: string; pending?: boolean }) {
  return (
    <div class="shell-pay-done" role="status">
      <span class={pending ? 'shell-pay-tick shell-withdraw-pending' : 'shell-pay-tick'} />
      <span class="shell-pay-done-text">{text}</span>
    </div>
  );
}
