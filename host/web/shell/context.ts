/** What every page of the shell is given, and what it gives back. */
import type { Overlays } from '../../../sdk/view/chrome/index.ts';
import type { Account } from './api.ts';
import type { HistoryState, Router } from './router.ts';

export interface ShellContext {
  router: Router;
  /** Toasts and dialogs of the shell itself (sign out, revoke, errors). */
  ui: Overlays;
  /** The signed-in account, or null. */
  readonly account: Account | null;
  setAccount(account: Account | null): void;
}

export interface Page {
  el: HTMLElement;
  /** The page title for the browser tab. */
  title: string;
  /** The page goes away: stop streams and timers. */
  unmount?(): void;
  /** Back or forward between history entries this page pushed; true when handled. */
  moved?(from: HistoryState, to: HistoryState): boolean;
}
