/**
 * A mini-program, open: a session on the host, its page drawn by the DOM renderer inside the
 * host's nav bar and tab bar, the user's actions sent back one at a time in order, and what the
 * host pushes (new frames, toasts, dialogs, consent prompts, the payment sheet, the end) read from
 * its stream.
 *
 * The page stack is mirrored in the browser's history, so the system back gesture goes back a page
 * inside the program before it leaves it.
 */
import { createNavBar, createNotice, createTabBar, el, type Dialog } from '../../../../sdk/view/chrome/index.ts';
import { createRenderer, type Renderer } from '../../../../sdk/view/dom.ts';
import type { ErrorBody } from '../../../../sdk/contract/errors.ts';
import type { ShellMessage } from '../../../sessions/browser.ts';
import { api, ApiError, type OpenedApp, type ShellEvent, type ViewUpdate } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { FrameState } from '../frames.ts';
import { appIcon } from '../../common/icon.ts';
import { rememberApp, recentApps } from '../recent.ts';
import { loginPath, type HistoryState } from '../router.ts';
import { paymentSheet } from '../pay-sheet.ts';
import { openStream, type Stream } from '../sse.ts';
import { createSuspendedNotice, suspendedReason } from '../suspended.ts';
import { applyStyle } from '../../../../sdk/view/style.ts';

export interface AppTarget {
  appId: string;
  page: string | null;
  query: Record<string, string>;
}

const P = 'shell';

/** What a user is told when a program stops, by the host's reason. */
const STOP_REASONS: Partial<Record<ErrorBody['code'], string>> = {
  cpu_exceeded: 'It took too long to respond.',
  memory_exceeded: 'It used more memory than it is allowed.',
  stack_exceeded: 'It ran into an error it could not recover from.',
  limit_exceeded: 'It went past one of the limits every mini-program runs under.',
  invalid_view: 'It tried to show something the host does not allow.',
  program_error: 'It ran into an error.',
  shard_crashed: 'The host restarted the sandbox it was running in.',
};

export function appRunner(ctx: ShellContext, target: AppTarget): Page {
  const { router, ui } = ctx;
  // Names this run's history entries; a new run (reopen, reload) never mistakes another's for its own.
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const known = ctx.account ? recentApps(ctx.account.id).find((r) => r.id === target.appId) : undefined;

  const navbar = createNavBar({ prefix: P, onBack: back, onMore: more, onClose: leave });
  const page = el('div', 'at-page');
  const scroller = el('div', 'at-scroller', page);
  const viewport = el('main', 'shell-app-content at-viewport', scroller);
  const tabbar = createTabBar(P, (p) => send({ handler: '$nav', type: 'tap', value: { url: `/${p}`, openType: 'switchTab' } }));
  const notice = createNotice({
    prefix: P,
    title: 'This mini-program stopped',
    actions: [
      { text: 'Reopen', primary: true, onClick: reopen },
      { text: 'Back to Discover', onClick: leave },
    ],
  });
  // A suspension is not a stop the user can undo: its own notice, with the platform's reason.
  const suspendedNotice = createSuspendedNotice(leave);
  const splashName = el('div', 'shell-splash-name', known?.name ?? '');
  const splash = el('div', 'shell-splash', appIcon({ id: target.appId, name: known?.name ?? target.appId }, 'large'), splashName, el('div', 'shell-dots', el('span', ''), el('span', ''), el('span', '')));
  const root = el('div', 'shell-app', navbar.root, viewport, tabbar.root, notice.root, suspendedNotice.root, splash);
  navbar.set({ title: known?.name ?? '', back: false });

  let opened: OpenedApp | null = null;
  let renderer: Renderer | null = null;
  let stream: Stream | null = null;
  let ended = false;
  let gone = false;
  let queue: Promise<unknown> = Promise.resolve();
  /** history.go() calls of our own whose popstate is not the user's. */
  let ownMoves = 0;
  /** How many entries above the app's first one history has (or is about to have). */
  let historyDepth = 0;
  const frames = new FrameState();
  const dialogs = new Map<string, Dialog>();

  router.replaceState({ run, depth: 0 });
  window.addEventListener('pagehide', closeSession);
  void open();

  async function open(): Promise<void> {
    try {
      const body: { route?: string; query: Record<string, string> } = { query: target.query };
      if (target.page) body.route = target.page;
      opened = await api.open(target.appId, body);
    } catch (e) {
      if (gone) return;
      if (e instanceof ApiError && e.status === 401) return signedOut();
      splash.hidden = true;
      const reason = e instanceof ApiError ? suspendedReason(e) : null;
      if (reason !== null) return suspended(reason, (e as ApiError).details);
      const missing = e instanceof ApiError && e.status === 404;
      return stop(missing ? 'This mini-program is not available. It may have been taken down.' : (e as Error).message, missing ? "Can't open this mini-program" : "Couldn't open this mini-program");
    }
    if (gone) return void api.close(opened.sessionId).catch(() => {});
    const app = opened.app;
    if (ctx.account) rememberApp(ctx.account.id, app);
    document.title = `${app.name} · Atrium`;
    applyStyle(page, app.background ? { background: app.background } : null);
    renderer = createRenderer(page, { onEvent: send, assetUrl: (path) => api.assetUrl(app.versionId, path) });
    apply(opened.frame);
    splash.hidden = true;
    stream = openStream({
      url: api.streamUrl(opened.sessionId),
      // From the session's first message: what the program did while opening (a toast, a consent
      // prompt in onLoad) happened before this stream existed.
      lastEventId: '0',
      onEvent: (kind, data) => onMessage(kind, data),
      onRefused(status, body) {
        const reason = suspendedReason((body as { error?: ErrorBody } | null)?.error);
        if (reason !== null) suspended(reason);
        else if (status === 401) signedOut();
        else if (status === 404) stop('The session closed. Reopen the mini-program to carry on.');
        return reason !== null || status === 401 || status === 404;
      },
    });
  }

  function apply(u: ViewUpdate): void {
    if (!opened || !renderer) return;
    const before = frames.route;
    const result = frames.apply(u);
    if (result === 'gap') return stream?.resync();
    if (result === 'stale' || !frames.view) return;
    renderer.render(frames.view);
    if (frames.route !== before) scroller.scrollTop = 0;
    navbar.set({ title: frames.title || opened.app.name, back: frames.stack.length > 1 && !ended });
    tabbar.draw(opened.app.tabBar, frames.route);
    followStack(frames.stack.length - 1);
  }

  /**
   * Keeps one history entry per page on the program's stack. `historyDepth` is where our own
   * pushes and jumps put history, even while a jump is still under way (its popstate comes later).
   */
  function followStack(depth: number): void {
    if (gone) return;
    for (let d = historyDepth + 1; d <= depth; d++) router.pushDepth(run, d);
    if (depth < historyDepth) {
      // The program went back (or switched tab) by itself: drop the entries of the pages it left.
      ownMoves++;
      history.go(depth - historyDepth);
    }
    historyDepth = depth;
  }

  function onMessage(kind: string, data: string): void {
    if (gone || ended) return;
    const m = JSON.parse(data) as ShellMessage;
    if (m.kind !== kind) return;
    switch (m.kind) {
      case 'frame':
        return apply(m.update);
      case 'toast':
        return ui.toast(m);
      case 'loading':
        return ui.loading(m.title);
      case 'modal':
        return ask(m.promptId, { kind: 'modal', title: m.title, content: m.content, confirmText: m.confirmText, cancelText: m.cancelText, showCancel: m.showCancel });
      case 'consent':
        return ask(m.promptId, {
          kind: 'consent',
          header: el('div', 'shell-consent-from', appIcon({ id: opened?.app.id ?? target.appId, name: m.appName }, 'small'), el('span', '', m.appName), el('span', 'shell-consent-asks', 'asks to')),
          title: `Use ${m.title}`,
          content: m.reason ? `“${m.reason}”` : undefined,
          note: 'You can change this any time in Me › Authorizations.',
          confirmText: 'Allow',
          cancelText: "Don't allow",
        });
      case 'payment':
        // The host's own sheet: its names, items and total, never the program's.
        return showPrompt(m.promptId, () => paymentSheet(ui, m));
      case 'prompt-closed':
        return dialogs.get(m.promptId)?.dismiss();
      case 'ended': {
        const reason = suspendedReason(m.reason);
        if (reason !== null) return suspended(reason);
        // The host's own words when there is no plainer way to say it (the merchant's log has the detail).
        return stop(STOP_REASONS[m.reason.code] ?? m.reason.message);
      }
    }
  }

  function ask(promptId: string, request: Parameters<typeof ui.dialog>[0]): void {
    showPrompt(promptId, () => ui.dialog(request));
  }

  /** Shows a prompt's dialog once (a stream that replays it finds it open) and sends the user's answer. */
  function showPrompt(promptId: string, open: () => Dialog): void {
    if (dialogs.has(promptId)) return;
    const d = open();
    dialogs.set(promptId, d);
    void d.answer.then((answer) => {
      dialogs.delete(promptId);
      if (answer === null || !opened || ended || gone) return;
      api.answer(opened.sessionId, promptId, answer).catch(failed);
    });
  }

  /** The user's actions go out one at a time, in the order they were made. */
  function send(ev: ShellEvent): void {
    queue = queue.then(async () => {
      if (!opened || ended || gone) return;
      try {
        apply(await api.event(opened.sessionId, ev, frames.seq));
      } catch (e) {
        failed(e);
      }
    });
  }

  function failed(e: unknown): void {
    if (gone || ended) return;
    if (!(e instanceof ApiError)) return console.error('shell:', e);
    const reason = suspendedReason(e);
    if (reason !== null) return suspended(reason);
    if (e.status === 401) return signedOut();
    if (e.status === 404 && e.code === 'not_found') return stop('The session closed. Reopen the mini-program to carry on.');
    if (e.status === 410 && e.code === 'session_ended') {
      const reason = (e.details as { reason?: ErrorBody['code'] } | undefined)?.reason;
      return stop((reason && STOP_REASONS[reason]) ?? 'The session closed. Reopen the mini-program to carry on.');
    }
    ui.toast({ title: e.code === 'network_error' ? 'No connection' : 'Something went wrong', icon: 'error', durationMs: 2000 });
  }

  /** The program stopped: the notice with `message`, or (null) no notice, when another one says why. */
  function stop(message: string | null, title?: string): void {
    ended = true;
    stream?.close();
    for (const d of dialogs.values()) d.dismiss();
    ui.loading(null);
    navbar.set({ title: opened?.app.name ?? known?.name ?? '', back: false });
    tabbar.draw([], '');
    splash.hidden = true;
    notice.show(message, title);
  }

  /** The host no longer knows this user (signed out, expired, or another account signed in on this browser). */
  function signedOut(): void {
    ctx.setAccount(null);
    router.navigate(loginPath(location.pathname + location.search), { replace: true });
  }

  /** The platform suspended the program: its name (from the host's details when it did not open) and the reason. */
  function suspended(reason: string, details?: unknown): void {
    stop(null);
    const name = opened?.app.name ?? known?.name ?? (typeof (details as { name?: unknown } | undefined)?.name === 'string' ? (details as { name: string }).name : '');
    if (name) navbar.set({ title: name, back: false });
    suspendedNotice.show(name, reason);
  }

  function back(): void {
    if (historyDepth > 0) history.back();
    else send({ handler: '$nav', type: 'tap', value: { url: '', openType: 'back' } });
  }

  function more(): void {
    if (!opened) return;
    const d = ui.dialog({ kind: 'modal', title: opened.app.name, content: `Version ${opened.app.version}\nIt sees only what you allow, never your account.`, confirmText: 'Restart', cancelText: 'Cancel' });
    void d.answer.then((restart) => restart && reopen());
  }

  /** Back to where the user came from, or to the directory when the program was the first page. */
  function leave(): void {
    // The app's first entry is index - depth of whichever of its entries history is on.
    const first = router.state.index - (router.state.run === run ? (router.state.depth ?? 0) : 0);
    if (first > 0) history.go(-(historyDepth + 1));
    else router.navigate('/', { replace: true });
  }

  function reopen(): void {
    router.navigate(location.pathname + location.search, { replace: true });
  }

  function closeSession(): void {
    if (opened && !ended) void api.close(opened.sessionId).catch(() => {});
  }

  return {
    el: root,
    title: known ? `${known.name} · Atrium` : 'Atrium',
    unmount() {
      closeSession();
      gone = true;
      stream?.close();
      for (const d of dialogs.values()) d.dismiss();
      ui.loading(null);
      renderer?.destroy();
      window.removeEventListener('pagehide', closeSession);
    },
    moved(_from: HistoryState, to: HistoryState) {
      if (ownMoves > 0) {
        ownMoves--;
        return true;
      }
      const steps = historyDepth - (to.depth ?? 0);
      historyDepth = to.depth ?? 0;
      if (steps > 0 && !ended) for (let i = 0; i < steps; i++) send({ handler: '$nav', type: 'tap', value: { url: '', openType: 'back' } });
      // Forward again: a page the program already left cannot come back.
      else if (steps < 0) {
        ownMoves++;
        history.go(steps);
        historyDepth += steps;
      }
      return true;
    },
  };
}
