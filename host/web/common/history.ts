/**
 * A router on the history API for Atrium's single-page sites (the shell and the consoles): each
 * site parses its own addresses into routes; this keeps history, in-site links and Back.
 */

/** What is kept in each history entry: its position, and a mini-program's page depth (shell). */
export interface HistoryState {
  /** Counts entries the site pushed: 0 is where the visit began. */
  index: number;
  /** On a running mini-program's entries: which run they belong to and how deep its page stack was. */
  run?: string;
  depth?: number;
}

export interface Router<R> {
  readonly route: R;
  readonly state: HistoryState;
  /** Goes to an address of the site (a new history entry unless `replace`). */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** A history entry for one more page of a running mini-program, at the same address. */
  pushDepth(run: string, depth: number): void;
  /** Changes the address of the current entry without drawing the page again (a filter changed). */
  replaceAddress(path: string): void;
  /** Replaces the state of the current entry (keeping its address). */
  replaceState(state: Partial<HistoryState>): void;
  /** `<a>` that navigates inside the site on a plain click and works as a link otherwise. */
  link(href: string, cls: string, ...children: (Node | string)[]): HTMLAnchorElement;
  /** The same, replacing the current entry: steps that should not each cost a press of Back. */
  replaceLink(href: string, cls: string, ...children: (Node | string)[]): HTMLAnchorElement;
}

export interface RouterHooks<R> {
  /** The address changed: draw the page for it. */
  show(route: R): void;
  /**
   * The user went back or forward between entries of the same address and run; return true when
   * the page handled it, so it is not redrawn.
   */
  moved?(from: HistoryState, to: HistoryState): boolean;
}

export function createHistoryRouter<R>(parse: (pathname: string, search: string) => R, hooks: RouterHooks<R>): Router<R> {
  let route = parse(location.pathname, location.search);
  let state = readState(history.state, 0);
  history.replaceState(state, '');

  function show(): void {
    route = parse(location.pathname, location.search);
    hooks.show(route);
  }

  window.addEventListener('popstate', (e) => {
    const from = state;
    state = readState(e.state, 0);
    const samePlace = from.run !== undefined && from.run === state.run;
    if (samePlace && hooks.moved?.(from, state)) return;
    show();
  });

  const router: Router<R> = {
    get route() {
      return route;
    },
    get state() {
      return state;
    },
    navigate(path, options = {}) {
      state = { index: options.replace ? state.index : state.index + 1 };
      if (options.replace) history.replaceState(state, '', path);
      else history.pushState(state, '', path);
      window.scrollTo(0, 0);
      show();
    },
    pushDepth(run, depth) {
      state = { index: state.index + 1, run, depth };
      history.pushState(state, '');
    },
    replaceAddress(path) {
      history.replaceState(state, '', path);
      route = parse(location.pathname, location.search);
    },
    replaceState(patch) {
      state = { ...state, ...patch };
      history.replaceState(state, '');
    },
    link: (href, cls, ...children) => anchor(href, false, cls, children),
    replaceLink: (href, cls, ...children) => anchor(href, true, cls, children),
  };

  function anchor(href: string, replace: boolean, cls: string, children: (Node | string)[]): HTMLAnchorElement {
    const a = document.createElement('a');
    a.className = cls;
    a.href = href;
    a.append(...children);
    a.addEventListener('click', (e) => {
      // New tab, new window, download: the browser's business.
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      router.navigate(href, { replace });
    });
    return a;
  }
  return router;
}

function readState(raw: unknown, fallbackIndex: number): HistoryState {
  const s = raw as Partial<HistoryState> | null;
  return {
    index: typeof s?.index === 'number' ? s.index : fallbackIndex,
    ...(typeof s?.run === 'string' ? { run: s.run } : {}),
    ...(typeof s?.depth === 'number' ? { depth: s.depth } : {}),
  };
}

/** A path segment decoded, or null when it is not valid percent-encoding (the page is then "not found"). */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
