/**
 * The shell's addresses, on the history API:
 *   /                          the directory (?q= search, ?category=)
 *   /app/<appId>[/<page>]?...  a mini-program, its query handed to the page's onLoad
 *   /me                        the Me page
 *   /login, /signup            sign in or create an account (?next= where to go after)
 * Parsing is pure (no DOM), so it is tested in Node.
 */

export type Route =
  | { name: 'directory'; search: string; category: string }
  | { name: 'app'; appId: string; page: string | null; query: Record<string, string> }
  | { name: 'me' }
  | { name: 'auth'; mode: 'login' | 'signup'; next: string }
  | { name: 'not-found'; path: string };

/** A page route inside a program: `pages/product`, letters, digits and `_-/` only. */
const PAGE = /^[\w-]+(\/[\w-]+)*$/;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { name: 'directory', search: params.get('q') ?? '', category: params.get('category') ?? '' };
  if (pathname === '/me') return { name: 'me' };
  if (pathname === '/login' || pathname === '/signup') return { name: 'auth', mode: pathname === '/login' ? 'login' : 'signup', next: safeNext(params.get('next')) };
  const app = /^\/app\/([^/]+)(?:\/(.+))?$/.exec(pathname);
  if (app) {
    let appId: string;
    let page: string | null;
    try {
      appId = decodeURIComponent(app[1]!);
      page = app[2] ? decodeURIComponent(app[2]).replace(/\/+$/, '') : null;
    } catch {
      return { name: 'not-found', path: pathname };
    }
    if (page !== null && !PAGE.test(page)) return { name: 'not-found', path: pathname };
    const query: Record<string, string> = {};
    for (const [k, v] of params) query[k] = v;
    return { name: 'app', appId, page: page || null, query };
  }
  return { name: 'not-found', path: pathname };
}

/** The address of a mini-program with a query for its first page. */
export function appPath(appId: string, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return `/app/${encodeURIComponent(appId)}${qs ? `?${qs}` : ''}`;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // Resolving against a dummy origin catches tricks like "/\t/evil.example".
  const url = new URL(next, 'https://shell.invalid');
  return url.origin === 'https://shell.invalid' ? url.pathname + url.search : '/';
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** What the shell keeps in each history entry: its position, and a mini-program's page depth. */
export interface HistoryState {
  /** Counts entries the shell pushed: 0 is where the visit began. */
  index: number;
  /** On an app's entries: which run they belong to and how deep its page stack was. */
  run?: string;
  depth?: number;
}

export interface Router {
  readonly route: Route;
  readonly state: HistoryState;
  /** Goes to a shell address (a new history entry unless `replace`). */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** A history entry for one more page of a running mini-program, at the same address. */
  pushDepth(run: string, depth: number): void;
  /** Changes the address of the current entry without drawing the page again (a filter changed). */
  replaceAddress(path: string): void;
  /** Replaces the state of the current entry (keeping its address). */
  replaceState(state: Partial<HistoryState>): void;
  /** `<a>` that navigates inside the shell on a plain click and works as a link otherwise. */
  link(href: string, cls: string, ...children: (Node | string)[]): HTMLAnchorElement;
  /** The same, replacing the current entry: steps that should not each cost a press of Back. */
  replaceLink(href: string, cls: string, ...children: (Node | string)[]): HTMLAnchorElement;
}

export interface RouterHooks {
  /** The address changed: draw the page for it. */
  show(route: Route): void;
  /**
   * The user went back or forward between entries of the same address and run; return true when
   * the page handled it, so it is not redrawn.
   */
  moved?(from: HistoryState, to: HistoryState): boolean;
}

export function createRouter(hooks: RouterHooks): Router {
  let route = parseRoute(location.pathname, location.search);
  let state = readState(history.state, 0);
  history.replaceState(state, '');

  function show(): void {
    route = parseRoute(location.pathname, location.search);
    hooks.show(route);
  }

  window.addEventListener('popstate', (e) => {
    const from = state;
    state = readState(e.state, 0);
    const samePlace = from.run !== undefined && from.run === state.run;
    if (samePlace && hooks.moved?.(from, state)) return;
    show();
  });

  const router: Router = {
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
      route = parseRoute(location.pathname, location.search);
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
