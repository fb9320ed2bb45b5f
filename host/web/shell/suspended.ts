/**
 * The page a user sees for a suspended mini-program: opening it is refused (403 `app_suspended`)
 * or a live session is ended by the suspension. It says so plainly, with the platform's reason,
 * and offers only the way out: reopening would be refused again.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';

/** The platform's reason when an error says the app is suspended, else null. */
export function suspendedReason(error: { code?: unknown; message?: unknown; details?: unknown } | null | undefined): string | null {
  if (!error || error.code !== 'app_suspended') return null;
  const reason = (error.details as { reason?: unknown } | null | undefined)?.reason;
  if (typeof reason === 'string' && reason.trim()) return reason.trim();
  return typeof error.message === 'string' && error.message ? error.message : 'No reason was given.';
}

export interface SuspendedNotice {
  root: HTMLElement;
  show(appName: string, reason: string): void;
}

export function createSuspendedNotice(leave: () => void): SuspendedNotice {
  const title = el('div', 'shell-sheet-title');
  const reasonText = el('p', 'shell-suspended-reason');
  const root = el(
    'div',
    'shell-sheet shell-suspended',
    el('div', 'shell-suspended-icon'),
    title,
    el('p', 'shell-sheet-note', 'Atrium suspended this mini-program, so it cannot be opened for now. The reason:'),
    reasonText,
    el('div', 'shell-suspended-actions', button('shell-primary', leave, 'Back to Discover')),
  );
  root.setAttribute('role', 'alert');
  root.dataset.testid = 'app-suspended';
  root.hidden = true;
  return {
    root,
    show(appName, reason) {
      title.textContent = appName ? `${appName} is suspended` : 'This mini-program is suspended';
      reasonText.textContent = reason;
      root.hidden = false;
    },
  };
}
