/** @jsxImportSource preact */
/**
 * The Atrium shell (browser code, bundled to /shell.js): the host chrome's toasts and dialogs over
 * the screen, a router on the shell's addresses, and the shell (./shell.tsx) drawn into the
 * screen. Moving to another address closes what the overlays showed.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { createOverlays, el } from '../../../sdk/view/chrome/index.ts';
import type { HistoryMoves } from './app/stack.ts';
import { createRouter } from './router.ts';
import { Shell, type Shown } from './shell.tsx';

const ui = createOverlays('shell');
const screen = el('div', 'shell-screen');
document.body.append(el('div', 'shell-root', screen, ui.toastLayer, ui.modalLayer));

const moves: HistoryMoves = { handler: null };
const router = createRouter({
  show(route) {
    ui.closeAll();
    shown.value = { route, visit: shown.value.visit + 1 };
  },
  moved: (from, to) => moves.handler?.(from, to) ?? false,
});
const shown = signal<Shown>({ route: router.route, visit: 0 });
render(<Shell router={router} ui={ui} shown={shown} moves={moves} />, screen);
