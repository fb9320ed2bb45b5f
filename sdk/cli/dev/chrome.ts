/**
 * The host-drawn parts of the dev shell (browser code): the phone frame, the navigation bar, the
 * tab bar, toasts, dialogs and the payment sheet. Built with DOM APIs; every program string is a
 * text node.
 */
import { applyStyle } from '../../view/style.ts';
import type { ModalRequest, ProgramInfo } from './protocol.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  e.append(...children);
  return e;
}

export interface Chrome {
  root: HTMLElement;
  /** Where the renderer draws the program's page. */
  page: HTMLElement;
  /** The page's scroller. */
  content: HTMLElement;
  side: HTMLElement;
  setProgram(p: ProgramInfo): void;
  setFrame(f: { title: string; route: string; stack: string[] }): void;
  showErrors(lines: string[] | null): void;
  showEnded(message: string | null): void;
  toast(t: { title: string; icon: string; durationMs: number }): void;
  loading(title: string | null): void;
  modal(m: ModalRequest): Promise<boolean>;
  closeModals(): void;
  status(text: string, tone: 'ok' | 'busy' | 'error'): void;
  log(level: string, text: string): void;
}

export interface ChromeActions {
  back(): void;
  switchTab(page: string): void;
  restart(): void;
}

export function createChrome(actions: ChromeActions): Chrome {
  const time = el('span', 'dev-time', clock());
  setInterval(() => (time.textContent = clock()), 30_000);
  const status = el('div', 'dev-statusbar', time, el('span', 'dev-indicators', el('span', 'dev-signal'), el('span', 'dev-battery')));

  const back = el('button', 'dev-back');
  back.type = 'button';
  back.setAttribute('aria-label', 'Back');
  back.hidden = true;
  back.addEventListener('click', () => actions.back());
  const title = el('div', 'dev-title');
  const capsule = el('div', 'dev-capsule', el('span', 'dev-capsule-more'), el('span', 'dev-capsule-sep'), el('span', 'dev-capsule-close'));
  capsule.setAttribute('aria-hidden', 'true');
  const navbar = el('header', 'dev-navbar', back, title, capsule);

  const page = el('div', 'at-page');
  const content = el('div', 'dev-scroll at-scroller', page);
  const viewport = el('main', 'dev-content at-viewport', content);
  const tabbar = el('nav', 'dev-tabbar');
  tabbar.hidden = true;
  // Below a page without a tab bar: the strip the phone's home indicator sits on.
  const safeArea = el('div', 'dev-safe-area');

  const errorsList = el('pre', 'dev-errors-list');
  const errors = el('div', 'dev-sheet dev-errors', el('div', 'dev-sheet-title', 'Build failed'), el('p', 'dev-sheet-note', 'Fix these and save; the page reloads by itself.'), errorsList);
  errors.hidden = true;

  const endedText = el('p', 'dev-sheet-note');
  const restartButton = el('button', 'dev-primary', 'Restart');
  restartButton.type = 'button';
  restartButton.addEventListener('click', () => actions.restart());
  const ended = el('div', 'dev-sheet dev-ended', el('div', 'dev-ended-icon'), el('div', 'dev-sheet-title', 'The program stopped'), endedText, restartButton);
  ended.hidden = true;

  const toastLayer = el('div', 'dev-toast-layer');
  const modalLayer = el('div', 'dev-modal-layer');
  modalLayer.hidden = true;

  const phone = el('div', 'dev-phone', status, navbar, viewport, tabbar, safeArea, errors, ended, toastLayer, modalLayer, el('div', 'dev-home'));

  // The developer's side: what runs, whether it built, and what it logged.
  const sideName = el('div', 'dev-side-name');
  const sideVersion = el('div', 'dev-side-version');
  const statusDot = el('span', 'dev-dot');
  const statusText = el('span', '', 'Connecting');
  const restart = el('button', 'dev-secondary', 'Restart program');
  restart.type = 'button';
  restart.addEventListener('click', () => actions.restart());
  const logs = el('ol', 'dev-logs');
  const side = el(
    'aside',
    'dev-side',
    el('div', 'dev-side-brand', 'Atrium dev'),
    sideName,
    sideVersion,
    el('div', 'dev-status', statusDot, statusText),
    restart,
    el('div', 'dev-side-heading', 'Logs'),
    logs,
  );
  const root = el('div', 'dev-stage', phone, side);

  let program: ProgramInfo | null = null;
  let loadingToast: HTMLElement | null = null;
  const pendingModals = new Set<(v: boolean) => void>();

  function drawTabs(route: string): void {
    const items = program?.tabBar ?? [];
    const onTab = items.some((i) => i.page === route);
    tabbar.hidden = !onTab;
    safeArea.hidden = onTab;
    if (!onTab) return;
    tabbar.replaceChildren(
      ...items.map((item) => {
        const b = el('button', `dev-tab${item.page === route ? ' dev-tab-active' : ''}`, el('span', 'dev-tab-icon'), el('span', 'dev-tab-text', item.text));
        b.type = 'button';
        b.addEventListener('click', () => item.page !== route && actions.switchTab(item.page));
        return b;
      }),
    );
  }

  return {
    root,
    page,
    content,
    side,
    setProgram(p) {
      program = p;
      sideName.textContent = p.name;
      sideVersion.textContent = `version ${p.version}`;
      document.title = `${p.name} · Atrium dev`;
      // Through the same whitelist as a program's own styles.
      applyStyle(page, p.background ? { background: p.background } : null);
    },
    setFrame(f) {
      title.textContent = f.title || program?.title || program?.name || '';
      back.hidden = f.stack.length <= 1;
      drawTabs(f.route);
    },
    showErrors(lines) {
      errors.hidden = !lines;
      errorsList.textContent = lines ? lines.join('\n') : '';
    },
    showEnded(message) {
      ended.hidden = message === null;
      endedText.textContent = message ?? '';
    },
    toast(t) {
      const icon = t.icon === 'none' ? null : el('span', `dev-toast-icon dev-icon-${t.icon}`);
      const box = el('div', `dev-toast${icon ? '' : ' dev-toast-text'}`, ...(icon ? [icon] : []), el('span', '', t.title));
      toastLayer.replaceChildren(box);
      setTimeout(() => box.remove(), t.durationMs);
    },
    loading(text) {
      loadingToast?.remove();
      loadingToast = null;
      if (text === null) return;
      loadingToast = el('div', 'dev-toast', el('span', 'dev-toast-icon dev-icon-loading'), el('span', '', text || 'Loading'));
      toastLayer.replaceChildren(loadingToast);
    },
    modal(m) {
      return new Promise<boolean>((resolve) => {
        const sheet = m.kind !== 'modal';
        const done = (v: boolean) => {
          pendingModals.delete(done);
          box.remove();
          modalLayer.hidden = modalLayer.childElementCount === 0;
          resolve(v);
        };
        pendingModals.add(done);
        const button = (text: string, cls: string, v: boolean) => {
          const b = el('button', cls, text);
          b.type = 'button';
          b.addEventListener('click', () => done(v));
          return b;
        };
        const buttons = el(
          'div',
          sheet ? 'dev-modal-actions dev-sheet-actions' : 'dev-modal-actions',
          ...(m.showCancel === false ? [] : [button(m.cancelText ?? 'Cancel', sheet ? 'dev-secondary' : 'dev-modal-cancel', false)]),
          button(m.confirmText ?? 'OK', sheet ? 'dev-primary' : 'dev-modal-confirm', true),
        );
        const parts: (Node | string)[] = [];
        if (m.kind === 'payment') parts.push(el('div', 'dev-pay-label', 'Atrium Pay'), el('div', 'dev-pay-amount', m.title));
        else parts.push(el('div', 'dev-modal-title', m.title));
        if (m.content) parts.push(el('div', 'dev-modal-content', m.content));
        parts.push(buttons);
        const box = el('div', sheet ? 'dev-bottom-sheet' : 'dev-modal', ...parts);
        box.setAttribute('role', 'dialog');
        box.setAttribute('aria-modal', 'true');
        modalLayer.append(box);
        modalLayer.hidden = false;
      });
    },
    closeModals() {
      for (const done of [...pendingModals]) done(false);
      loadingToast?.remove();
      toastLayer.replaceChildren();
    },
    status(text, tone) {
      statusText.textContent = text;
      statusDot.className = `dev-dot dev-dot-${tone}`;
    },
    log(level, text) {
      const stamp = el('span', 'dev-log-time', clock(true));
      logs.append(el('li', `dev-log dev-log-${level}`, stamp, text));
      while (logs.childElementCount > 200) logs.firstElementChild?.remove();
      logs.scrollTop = logs.scrollHeight;
    },
  };
}

function clock(seconds = false): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getHours()}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
}
