/** @jsxImportSource preact */
/**
 * The host's prompts of one run, drawn by the host and never by the program: a dialog, the consent
 * sheet (both the chrome's), the payment sheet (../pay). Each is shown once (a stream that replays
 * it finds it open) and its answer sent once; the host may take one away unanswered.
 */
import type { Signal } from '@preact/signals';
import { render } from 'preact';
import type { DialogRequest, Overlays } from '../../../../sdk/view/chrome/index.ts';
import { AppIcon } from '../../kit/index.ts';
import type { PaymentPrompt } from '../pay/pay-sheet.tsx';
import type { HostUi } from './session.ts';

type Prompt = Extract<HostUi, { promptId: string }>;

export class Prompts {
  /** What takes each open prompt away unanswered. */
  readonly #open = new Map<string, () => void>();

  /**
   * @param answer sends the user's answer to the host
   * @param payments the payment sheets on screen, which the runner draws
   */
  constructor(
    private readonly ui: Overlays,
    private readonly answer: (promptId: string, answer: boolean) => void,
    private readonly payments: Signal<PaymentPrompt[]>,
  ) {}

  show(m: Exclude<Prompt, { kind: 'prompt-closed' }>, appId: string): void {
    if (this.#open.has(m.promptId)) return;
    if (m.kind === 'payment') {
      // The host's own sheet: its names, items and total, never the program's.
      this.payments.value = [...this.payments.value, m];
      this.#open.set(m.promptId, () => this.#drop(m.promptId));
      return;
    }
    if (m.kind === 'share' || m.kind === 'subscribe') {
      // Not drawn by this shell yet (the chat picker and the subscription sheet come with Chats):
      // the user is taken to have said no, which is what a program must already handle.
      this.#open.set(m.promptId, () => undefined);
      this.#answered(m.promptId, false);
      return;
    }
    const d = this.ui.dialog(m.kind === 'modal' ? modal(m) : consent(m, appId));
    this.#open.set(m.promptId, () => d.dismiss());
    void d.answer.then((answer) => answer !== null && this.#answered(m.promptId, answer));
  }

  /** The user answered the payment sheet; it goes `afterMs` later (so "Paid" is seen). */
  paid(promptId: string, paid: boolean, afterMs = 0): void {
    if (!this.#answered(promptId, paid)) return;
    if (afterMs) setTimeout(() => this.#drop(promptId), afterMs);
    else this.#drop(promptId);
  }

  /** The host took a prompt away unanswered. */
  closed(promptId: string): void {
    this.#open.get(promptId)?.();
    this.#open.delete(promptId);
  }

  closeAll(): void {
    for (const id of [...this.#open.keys()]) this.closed(id);
  }

  /** Sends an answer once, for a prompt still open: true when it was. */
  #answered(promptId: string, answer: boolean): boolean {
    if (!this.#open.delete(promptId)) return false;
    this.answer(promptId, answer);
    return true;
  }

  #drop(promptId: string): void {
    this.payments.value = this.payments.value.filter((p) => p.promptId !== promptId);
  }
}

function modal(m: Extract<Prompt, { kind: 'modal' }>): DialogRequest {
  return { kind: 'modal', title: m.title, content: m.content, confirmText: m.confirmText, cancelText: m.cancelText, showCancel: m.showCancel };
}

function consent(m: Extract<Prompt, { kind: 'consent' }>, appId: string): DialogRequest {
  return {
    kind: 'consent',
    header: consentFrom({ id: appId, name: m.appName }),
    title: `Use ${m.title}`,
    content: m.reason ? `“${m.reason}”` : undefined,
    note: 'You can change this any time in Me › Authorizations.',
    confirmText: 'Allow',
    cancelText: "Don't allow",
  };
}

/** Which app asks, above the consent sheet's title: the chrome's dialogs take a DOM node for it. */
function consentFrom(app: { id: string; name: string }): HTMLElement {
  const header = document.createElement('div');
  header.className = 'shell-consent-from';
  render(
    <>
      <AppIcon app={app} size="small" />
      <span>{app.name}</span>
      <span class="shell-consent-asks">asks to</span>
    </>,
    header,
  );
  return header;
}
