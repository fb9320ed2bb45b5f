/**
 * What the host draws over a mini-program's page: toasts, the loading toast, dialogs and bottom
 * sheets (payment, consent). A program asks for these over the bridge but can neither draw nor
 * script them: every string it sends becomes a text node here.
 */
import { button, el } from './el.ts';

export interface ToastRequest {
  title: string;
  icon: 'success' | 'error' | 'loading' | 'none' | string;
  durationMs: number;
}

export interface DialogRequest {
  /** `modal` is a centred dialog; `payment` and `consent` are bottom sheets. */
  kind: 'modal' | 'payment' | 'consent';
  title: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  showCancel?: boolean;
  /** Host-drawn lines above the title, e.g. which app is asking. */
  header?: Node;
  /** Small print under the content. */
  note?: string;
}

export interface Dialog {
  /** true or false as the user chose; null when the host took the dialog away unanswered. */
  answer: Promise<boolean | null>;
  dismiss(): void;
}

export interface Overlays {
  /** Where toasts appear; the shell places it over the page area. */
  toastLayer: HTMLElement;
  /** Dims what is below while a dialog is open. */
  modalLayer: HTMLElement;
  toast(t: ToastRequest): void;
  /** Shows a loading toast that stays until `loading(null)`. */
  loading(title: string | null): void;
  dialog(d: DialogRequest): Dialog;
  /** Takes every dialog and toast away unanswered (the program stopped or reloaded). */
  closeAll(): void;
}

export function createOverlays(prefix: string): Overlays {
  const p = prefix;
  const toastLayer = el('div', `${p}-toast-layer`);
  toastLayer.setAttribute('role', 'status');
  toastLayer.setAttribute('aria-live', 'polite');
  const modalLayer = el('div', `${p}-modal-layer`);
  modalLayer.hidden = true;
  let loadingToast: HTMLElement | null = null;
  const open = new Set<Dialog>();

  return {
    toastLayer,
    modalLayer,
    toast(t) {
      const icon = t.icon === 'none' ? null : el('span', `${p}-toast-icon ${p}-icon-${t.icon === 'success' || t.icon === 'error' ? t.icon : 'loading'}`);
      const box = el('div', `${p}-toast${icon ? '' : ` ${p}-toast-text`}`, ...(icon ? [icon] : []), el('span', '', t.title));
      toastLayer.replaceChildren(box);
      setTimeout(() => box.remove(), t.durationMs);
    },
    loading(title) {
      loadingToast?.remove();
      loadingToast = null;
      if (title === null) return;
      loadingToast = el('div', `${p}-toast`, el('span', `${p}-toast-icon ${p}-icon-loading`), el('span', '', title || 'Loading'));
      toastLayer.replaceChildren(loadingToast);
    },
    dialog(d) {
      let settle!: (v: boolean | null) => void;
      const answer = new Promise<boolean | null>((r) => (settle = r));
      const sheet = d.kind !== 'modal';
      const finish = (v: boolean | null) => {
        if (!open.delete(handle)) return;
        box.remove();
        modalLayer.hidden = modalLayer.childElementCount === 0;
        settle(v);
      };
      const handle: Dialog = { answer, dismiss: () => finish(null) };
      const confirm = button(sheet ? `${p}-primary` : `${p}-modal-confirm`, () => finish(true), d.confirmText ?? 'OK');
      const actions = el(
        'div',
        sheet ? `${p}-modal-actions ${p}-sheet-actions` : `${p}-modal-actions`,
        ...(d.showCancel === false ? [] : [button(sheet ? `${p}-secondary` : `${p}-modal-cancel`, () => finish(false), d.cancelText ?? 'Cancel')]),
        confirm,
      );
      const parts: Node[] = [];
      if (d.header) parts.push(d.header);
      if (d.kind === 'payment') parts.push(el('div', `${p}-pay-label`, 'Atrium Pay'), el('div', `${p}-pay-amount`, d.title));
      else parts.push(el('div', `${p}-modal-title`, d.title));
      if (d.content) parts.push(el('div', `${p}-modal-content`, d.content));
      if (d.note) parts.push(el('div', `${p}-modal-note`, d.note));
      parts.push(actions);
      const box = el('div', sheet ? `${p}-bottom-sheet ${p}-${d.kind}-sheet` : `${p}-modal`, ...parts);
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-modal', 'true');
      open.add(handle);
      modalLayer.append(box);
      modalLayer.hidden = false;
      confirm.focus({ preventScroll: true });
      return handle;
    },
    closeAll() {
      for (const d of [...open]) d.dismiss();
      loadingToast?.remove();
      loadingToast = null;
      toastLayer.replaceChildren();
    },
  };
}
