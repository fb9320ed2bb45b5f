/**
 * The dev shell's frame (browser code): a phone with a status bar around the host-drawn chrome
 * shared with the host's shell (nav bar, tab bar, toasts, dialogs, the stopped notice), plus the
 * developer's side panel with build errors and logs.
 */
import { button, createNavBar, createNotice, createOverlays, createTabBar, el } from '../../view/chrome/index.ts';
import { applyStyle } from '../../view/style.ts';
import type { ModalRequest, ProgramInfo } from './protocol.ts';

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
  /** The user's answer, or null when the dialog was taken away (reload, the program stopped). */
  modal(m: ModalRequest): Promise<boolean | null>;
  closeModals(): void;
  status(text: string, tone: 'ok' | 'busy' | 'error'): void;
  log(level: string, text: string): void;
}

export interface ChromeActions {
  back(): void;
  switchTab(page: string): void;
  restart(): void;
}

const P = 'dev';

export function createChrome(actions: ChromeActions): Chrome {
  const time = el('span', 'dev-time', clock());
  setInterval(() => (time.textContent = clock()), 30_000);
  const status = el('div', 'dev-statusbar', time, el('span', 'dev-indicators', el('span', 'dev-signal'), el('span', 'dev-battery')));

  const navbar = createNavBar({ prefix: P, onBack: () => actions.back() });
  const page = el('div', 'at-page');
  const content = el('div', 'dev-scroll at-scroller', page);
  const viewport = el('main', 'dev-content at-viewport', content);
  const tabbar = createTabBar(P, (p) => actions.switchTab(p));
  // Below a page without a tab bar: the strip the phone's home indicator sits on.
  const safeArea = el('div', 'dev-safe-area');

  const errorsList = el('pre', 'dev-errors-list');
  const errors = el('div', 'dev-sheet dev-errors', el('div', 'dev-sheet-title', 'Build failed'), el('p', 'dev-sheet-note', 'Fix these and save; the page reloads by itself.'), errorsList);
  errors.hidden = true;

  const ended = createNotice({ prefix: P, title: 'The program stopped', actions: [{ text: 'Restart', primary: true, onClick: () => actions.restart() }] });
  const overlays = createOverlays(P);

  const phone = el('div', 'dev-phone', status, navbar.root, viewport, tabbar.root, safeArea, errors, ended.root, overlays.toastLayer, overlays.modalLayer, el('div', 'dev-home'));

  // The developer's side: what runs, whether it built, and what it logged.
  const sideName = el('div', 'dev-side-name');
  const sideVersion = el('div', 'dev-side-version');
  const statusDot = el('span', 'dev-dot');
  const statusText = el('span', '', 'Connecting');
  const restart = button('dev-secondary', () => actions.restart(), 'Restart program');
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
      navbar.set({ title: f.title || program?.title || program?.name || '', back: f.stack.length > 1 });
      safeArea.hidden = tabbar.draw(program?.tabBar ?? [], f.route);
    },
    showErrors(lines) {
      errors.hidden = !lines;
      errorsList.textContent = lines ? lines.join('\n') : '';
    },
    showEnded: (message) => ended.show(message),
    toast: (t) => overlays.toast(t),
    loading: (text) => overlays.loading(text),
    modal: (m) => overlays.dialog(m).answer,
    closeModals: () => overlays.closeAll(),
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
