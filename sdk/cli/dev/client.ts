/**
 * The dev shell page (browser code, bundled to /shell.js): connects to the dev server, draws the
 * program with the DOM renderer inside host-drawn chrome, and sends the user's actions back.
 */
import type { ViewNode } from '../../contract/view.ts';
import { applyPatches } from '../../../lib/frames.ts';
import { createRenderer } from '../../view/dom.ts';
import { el } from '../../view/chrome/index.ts';
import { createChrome } from './chrome.ts';
import type { ProgramInfo, ServerMessage, ShellEvent } from './protocol.ts';

const clientId = crypto.randomUUID();

function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client: clientId, ...(body as object) }) });
}

function shell(): void {
  // Events go out one at a time, in the order the user made them.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (event: ShellEvent) => {
    queue = queue.then(async () => {
      const res = await post('event', { event }).catch(() => null);
      if (!res?.ok) chrome.log('warn', `event ${event.handler} was not delivered${res ? ` (${res.status})` : ''}`);
    });
  };
  const chrome = createChrome({
    back: () => send({ handler: '$nav', type: 'tap', value: { url: '', openType: 'back' } }),
    switchTab: (page) => send({ handler: '$nav', type: 'tap', value: { url: `/${page}`, openType: 'switchTab' } }),
    restart: () => void post('restart', {}),
  });
  document.body.append(chrome.root);
  const renderer = createRenderer(chrome.page, { onEvent: send });

  let program: ProgramInfo | null = null;
  let view: ViewNode | null = null;
  let route = '';

  const handlers: { [K in ServerMessage['kind']]: (m: Extract<ServerMessage, { kind: K }>) => void } = {
    program(m) {
      program = m.program;
      chrome.setProgram(m.program);
    },
    reload() {
      chrome.closeModals();
      chrome.showErrors(null);
      chrome.showEnded(null);
      chrome.status('Reloaded', 'ok');
      chrome.log('info', 'rebuilt and reloaded');
    },
    update({ update: u }) {
      if (u.view) view = u.view;
      else if (u.patches && view) view = applyPatches(view, u.patches);
      if (!view) return;
      if (u.route !== route) chrome.content.scrollTop = 0;
      route = u.route;
      renderer.render(view);
      chrome.setFrame({ title: u.title || program?.title || program?.name || '', route: u.route, stack: u.stack });
      chrome.showEnded(null);
    },
    errors(m) {
      chrome.showErrors(m.lines);
      chrome.status('Build failed', 'error');
    },
    toast: (m) => chrome.toast(m),
    loading: (m) => chrome.loading(m.title),
    modal({ modal }) {
      // A dialog taken away unanswered (reload, the end) was already answered by the server.
      void chrome.modal(modal).then((confirm) => {
        if (confirm !== null) void post('modal', { id: modal.id, confirm });
      });
    },
    log(m) {
      chrome.log(m.level, m.text);
    },
    ended(m) {
      chrome.closeModals();
      chrome.showEnded(m.message);
      chrome.log('error', `${m.code}: ${m.message}`);
    },
  };

  const source = new EventSource(`events?client=${encodeURIComponent(clientId)}`);
  for (const kind of Object.keys(handlers) as ServerMessage['kind'][]) {
    source.addEventListener(kind, (e) => {
      const message = JSON.parse((e as MessageEvent<string>).data) as ServerMessage;
      (handlers[kind] as (m: ServerMessage) => void)(message);
    });
  }
  source.addEventListener('open', () => chrome.status('Connected', 'ok'));
  source.addEventListener('error', () => chrome.status('Reconnecting', 'busy'));
}

/** Several programs: a list to pick one from. */
async function launcher(): Promise<void> {
  const list = el('div', 'dev-launcher-list');
  document.body.append(
    el('div', 'dev-launcher', el('div', 'dev-launcher-brand', 'Atrium'), el('h1', 'dev-launcher-title', 'Mini-programs'), list),
  );
  const res = await fetch('/programs');
  const programs = (await res.json()) as { id: string; name: string; description: string; ok: boolean }[];
  for (const p of programs) {
    const link = el(
      'a',
      'dev-launcher-item',
      el('span', 'dev-launcher-icon', p.name.slice(0, 1).toUpperCase()),
      el('span', 'dev-launcher-text', el('span', 'dev-launcher-name', p.name), el('span', 'dev-launcher-desc', p.ok ? p.description : 'Does not build yet: open it to see why')),
    );
    link.href = `/apps/${encodeURIComponent(p.id)}/`;
    list.append(link);
  }
  document.title = 'Atrium dev';
}

if (document.body.dataset.mode === 'launcher') void launcher();
else shell();
