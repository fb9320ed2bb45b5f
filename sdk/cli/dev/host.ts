import { AtriumError, scopes, type HostImplementation, type Manifest, type Scope } from '../../contract/index.ts';
import { createMemoryHost } from '../../testing/memory-host.ts';
import { netRequest } from './net.ts';
import type { ModalRequest, ServerMessage } from './protocol.ts';

/** How the dev host reaches the browser page of one client. */
export interface ShellChannel {
  send(message: ServerMessage): void;
  /** Shows a host-drawn dialog in the page; resolves with the user's answer. */
  ask(modal: Omit<ModalRequest, 'id'>): Promise<boolean>;
}

/**
 * The host behind one dev shell page: the in-memory host of the testing harness (storage, orders,
 * subscription grants kept in memory), except that host-drawn UI (toasts, dialogs, loading, the
 * payment sheet, consent and subscription prompts) really is drawn in the page, and
 * `net.request` really fetches from the manifest's allowlisted domains.
 */
export function createDevHost(manifest: () => Manifest, shell: ShellChannel) {
  const memory = createMemoryHost({}, {}, {
    manifest,
    // The dev page's sheet has two buttons: the user accepts every template asked for, or none.
    async askSubscribe(templates) {
      const allow = await shell.ask({
        kind: 'consent',
        title: `${manifest().name} would like to send you messages`,
        content: templates.map((t) => t.title).join(' · '),
        confirmText: 'Allow',
        cancelText: 'Not now',
        showCancel: true,
      });
      return allow ? templates.map((t) => t.id) : [];
    },
  });
  const base = memory.implementation;
  const granted = new Map<Scope, boolean>();

  const implementation = {
    ...base,
    ui: {
      ...base.ui,
      async toast(ctx, a) {
        await base.ui.toast(ctx, a);
        shell.send({ kind: 'toast', title: a.title, icon: a.icon ?? 'success', durationMs: a.durationMs ?? 1500 });
        return null;
      },
      async showModal(_, a) {
        const confirm = await shell.ask({ kind: 'modal', ...a });
        memory.state.modals.push({ title: a.title, content: a.content, answer: confirm });
        return { confirm };
      },
      async showLoading(ctx, a) {
        await base.ui.showLoading(ctx, a);
        shell.send({ kind: 'loading', title: a?.title ?? '' });
        return null;
      },
      async hideLoading(ctx, a) {
        await base.ui.hideLoading(ctx, a);
        shell.send({ kind: 'loading', title: null });
        return null;
      },
    },
    net: {
      async request(_, a) {
        return netRequest(a, manifest().network.domains);
      },
    },
    payments: {
      ...base.payments,
      async requestPayment(ctx, a) {
        const order = memory.state.orders.get(a.orderId);
        if (!order) throw new AtriumError('not_found', `no order ${a.orderId}`);
        const symbol = ({ CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$', JPY: '¥' } as Record<string, string>)[order.currency];
        const major = order.currency === 'JPY' ? String(order.amount) : (order.amount / 100).toFixed(2);
        const amount = symbol ? `${symbol}${major}` : `${order.currency} ${major}`;
        const pay = await shell.ask({
          kind: 'payment',
          title: amount,
          content: `Pay ${manifest().name}. This is the dev shell: no money moves.`,
          confirmText: 'Pay',
          cancelText: 'Cancel',
          showCancel: true,
        });
        if (!pay) throw new AtriumError('payment_cancelled');
        return base.payments.requestPayment(ctx, a);
      },
    },
  } satisfies HostImplementation<unknown>;

  /** Asks once per page for a personal-data scope, saying the reason the manifest gives. */
  async function consent(scope: Scope): Promise<boolean> {
    const known = granted.get(scope);
    if (known !== undefined) return known;
    const reason = manifest().permissions[scope]?.reason;
    const answer = await shell.ask({
      kind: 'consent',
      title: `${manifest().name} would like ${scopes[scope].title}`,
      content: reason ? `“${reason}”` : undefined,
      confirmText: 'Allow',
      cancelText: 'Deny',
      showCancel: true,
    });
    granted.set(scope, answer);
    memory.state.consents[scope] = answer;
    return answer;
  }

  return { implementation, consent, state: memory.state };
}
