/** @jsxImportSource preact */
/**
 * Starts a console in the browser: the host chrome's toasts and dialogs over the page, a router on
 * the console's addresses, and the desk (./desk.tsx) drawn into the screen. Moving to another
 * address closes what the overlays showed.
 *
 * @example
 * startDesk<AdminRoute>({ kind: 'admin', name: 'Admin console', …, page: (route) => <AdminPage route={route} /> });
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { createOverlays, el } from '../../../sdk/view/chrome/index.ts';
import { createHistoryRouter } from '../common/history.ts';
import { Desk, type DeskOptions, type Shown } from './desk.tsx';

export type { DeskOptions } from './desk.tsx';

export function startDesk<R>(o: DeskOptions<R>): void {
  const ui = createOverlays('shell');
  const screen = el('div', 'desk-screen');
  document.body.append(screen, el('div', 'desk-overlays', ui.toastLayer, ui.modalLayer));
  const address = () => location.pathname + location.search;
  const router = createHistoryRouter(o.parse, {
    show(route) {
      ui.closeAll();
      shown.value = { route, address: address() };
    },
  });
  const shown = signal<Shown<R>>({ route: router.route, address: address() });
  render(<Desk options={o} router={router} ui={ui} shown={shown} />, screen);
}
