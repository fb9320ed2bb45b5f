/** What every page of a console is given, and what it gives back. */
import type { Overlays } from '../../../../sdk/view/chrome/index.ts';
import type { Router } from '../../common/history.ts';
import type { Account } from '../../common/http.ts';

export interface DeskContext<R> {
  router: Router<R>;
  /** Toasts and dialogs. */
  ui: Overlays;
  /** The signed-in account, of the console's kind: pages are drawn only for it. */
  readonly account: Account;
  /** A call failed: a lost sign-in goes back to the sign-in page, anything else is a toast. */
  failed(e: unknown): void;
}

export interface Page {
  el: HTMLElement;
  /** The page title for the browser tab. */
  title: string;
  /** The page goes away: stop timers, drop late answers. */
  unmount?(): void;
}
