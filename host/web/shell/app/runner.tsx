/** @jsxImportSource preact */
/**
 * A mini-program, open: its page drawn by the DOM renderer (sdk/view/dom.ts, the boundary for
 * merchant views) inside the host's chrome (sdk/view/chrome: nav bar, tab bar, the stopped
 * notice), the same chrome the dev shell draws. The session's traffic is ./session.ts, its pages
 * follow the browser's history (./stack.ts), and the host's prompts are ./prompts.tsx.
 */
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { createNavBar, createNotice, createTabBar } from '../../../../sdk/view/chrome/index.ts';
import { createRenderer, type Renderer } from '../../../../sdk/view/dom.ts';
import { applyStyle } from '../../../../sdk/view/style.ts';
import type { HistoryState } from '../../common/history.ts';
import { useSite, useTitle } from '../../kit/index.ts';
import { useWho } from '../account.ts';
import { PaySheet, type PaymentPrompt } from '../pay/pay-sheet.tsx';
import { recentApps, rememberApp } from '../recent.ts';
import { ChromeSlot, Splash, Suspended } from './parts.tsx';
import { Prompts } from './prompts.tsx';
import { AppSession, type AppTarget, type OpenedApp } from './session.ts';
import { PageStack, type HistoryMoves } from './stack.ts';

const BACK = { handler: '$nav', type: 'tap', value: { url: '', openType: 'back' } } as const;

/** A program image: `assets/x.png` of the view is `/api/versions/<versionId>/assets/x.png`, loaded by the browser. */
const assetUrl = (versionId: string, path: string) => `/api/versions/${encodeURIComponent(versionId)}/${path.split('/').map(encodeURIComponent).join('/')}`;

export function AppRunner({ target, moves }: { target: AppTarget; moves: HistoryMoves }) {
  const { ui, router } = useSite();
  const who = useWho();
  const known = useMemo(() => (who.account ? recentApps(who.account.id).find((r) => r.id === target.appId) : undefined), []);
  const name = useSignal(known?.name ?? '');
  const opening = useSignal(true);
  const suspended = useSignal<{ name: string; reason: string } | null>(null);
  const payments = useSignal<PaymentPrompt[]>([]);
  const page = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useTitle(name.value || null);

  // The chrome, the session and what ties them together, made once for this run.
  const run = useMemo(() => {
    let renderer: Renderer | null = null;
    let opened: OpenedApp | null = null;
    // Names this run's history entries; a new run (reopen, reload) never mistakes another's for its own.
    const stack = new PageStack(router, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, (delta) => history.go(delta));
    const reopen = () => router.navigate(location.pathname + location.search, { replace: true });
    const navbar = createNavBar({
      prefix: 'shell',
      onBack: () => stack.back() || session.send(BACK),
      onMore() {
        if (!opened) return;
        const about = ui.dialog({ kind: 'modal', title: opened.name, content: `Version ${opened.version}\nIt sees only what you allow, never your account.`, confirmText: 'Restart', cancelText: 'Cancel' });
        void about.answer.then((restart) => restart && reopen());
      },
      onClose: () => stack.leave(),
    });
    navbar.set({ title: name.value, back: false });
    const tabbar = createTabBar('shell', (p) => session.send({ handler: '$nav', type: 'tap', value: { url: `/${p}`, openType: 'switchTab' } }));
    const notice = createNotice({
      prefix: 'shell',
      title: 'This mini-program stopped',
      actions: [
        { text: 'Reopen', primary: true, onClick: reopen },
        { text: 'Back to Discover', onClick: () => stack.leave() },
      ],
    });
    const session: AppSession = new AppSession({
      opened(app) {
        opened = app;
        name.value = app.name;
        if (who.account) rememberApp(who.account.id, app);
        applyStyle(page.current!, app.background ? { background: app.background } : null);
        renderer = createRenderer(page.current!, { onEvent: (ev) => session.send(ev), assetUrl: (path) => assetUrl(app.versionId, path) });
        opening.value = false;
      },
      drew(frames, newRoute) {
        renderer!.render(frames.view!);
        if (newRoute) scroller.current!.scrollTop = 0;
        navbar.set({ title: frames.title || name.value, back: frames.stack.length > 1 });
        tabbar.draw(opened!.tabBar, frames.route);
        stack.follow(frames.stack.length - 1);
      },
      heard(m) {
        if (m.kind === 'toast') ui.toast(m);
        else if (m.kind === 'loading') ui.loading(m.title);
        else if (m.kind === 'prompt-closed') prompts.closed(m.promptId);
        else prompts.show(m, opened?.id ?? target.appId);
      },
      ended(how) {
        // The host no longer knows this user (signed out, expired, or another account signed in here).
        if (how.then === 'signed-out') return who.signInAgain();
        prompts.closeAll();
        ui.loading(null);
        opening.value = false;
        tabbar.draw([], '');
        if (how.then === 'stopped') notice.show(how.message, how.title);
        else {
          name.value ||= how.appName ?? '';
          suspended.value = { name: name.value, reason: how.reason };
        }
        navbar.set({ title: name.value, back: false });
      },
      failed(e) {
        ui.toast({ title: e.code === 'network_error' ? 'No connection' : 'Something went wrong', icon: 'error', durationMs: 2000 });
      },
    });
    const prompts = new Prompts(ui, (id, answer) => session.answer(id, answer), payments);
    return { session, stack, prompts, navbar, tabbar, notice, leave: () => stack.leave(), destroy: () => renderer?.destroy() };
  }, []);

  useLayoutEffect(() => {
    const { session, stack } = run;
    stack.start();
    const closeOnHost = () => session.closeOnHost();
    window.addEventListener('pagehide', closeOnHost);
    const moved = (_from: HistoryState, to: HistoryState) => {
      const steps = stack.moved(to);
      if (!session.ended) for (let i = 0; i < steps; i++) session.send(BACK);
      return true;
    };
    moves.handler = moved;
    void session.open(target);
    return () => {
      if (moves.handler === moved) moves.handler = null;
      window.removeEventListener('pagehide', closeOnHost);
      session.dispose();
      run.prompts.closeAll();
      ui.loading(null);
      run.destroy();
    };
  }, []);

  return (
    <div class="shell-app">
      <ChromeSlot part={run.navbar.root} />
      <main class="shell-app-content at-viewport">
        <div class="at-scroller" ref={scroller}>
          {/* The renderer's own: Preact never draws inside it. */}
          <div class="at-page" ref={page} />
        </div>
      </main>
      <ChromeSlot part={run.tabbar.root} />
      <ChromeSlot part={run.notice.root} />
      {suspended.value && <Suspended {...suspended.value} leave={run.leave} />}
      {opening.value && <Splash app={{ id: target.appId, name: known?.name ?? target.appId }} name={known?.name ?? ''} />}
      {payments.value.map((m) => (
        <PaySheet key={m.promptId} prompt={m} finish={(paid, afterMs) => run.prompts.paid(m.promptId, paid, afterMs)} />
      ))}
    </div>
  );
}
