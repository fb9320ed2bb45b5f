/**
 * Payment disputes, oldest first, filtered by state: each with its order, app, merchant and
 * amount, the buyer's reason and the merchant's answer; an undecided one has the decision form,
 * a decided one what was decided and why.
 */
import { el } from '../../../../sdk/view/chrome/index.ts';
import { formatDateTime } from '../../common/format.ts';
import { formatMoney } from '../../../../lib/money.ts';
import { disputeStatusLabel } from '../../common/orders.ts';
import type { DeskContext, Page } from '../../desk/context.ts';
import { badge, empty, failure, facts, filterChips, loading, mono, pageHead } from '../../desk/ui.ts';
import { adminApi, type AppHistory, type DisputeEntry } from '../api.ts';
import { disputeDecisionForm } from '../dispute-decision.ts';
import { adminPaths, type AdminRoute, type DisputeStatusFilter } from '../routes.ts';

const FILTERS: { status: DisputeStatusFilter; text: string }[] = [
  { status: '', text: 'All' },
  { status: 'open', text: 'Open' },
  { status: 'answered', text: 'Answered' },
  { status: 'resolved', text: 'Resolved' },
];

export function disputesPage(ctx: DeskContext<AdminRoute>, filter: { status: DisputeStatusFilter }): Page {
  const { router } = ctx;
  let status = filter.status;
  let asked = 0;
  /** Apps and their merchants, looked up once per app. */
  const owners = new Map<string, Promise<AppHistory | null>>();
  const list = el('div', 'desk-slot', loading());
  const chips = filterChips('State', FILTERS.map((f) => ({ value: f.status, text: f.text })), status, (s) => {
    status = s;
    router.replaceAddress(adminPaths.disputes(status));
    void load();
  });
  const root = el('div', 'desk-page', pageHead('Disputes', { sub: ['Buyers dispute paid orders whose money is still held; the money moves when you decide.'] }), el('div', 'desk-toolbar', chips), list);
  void load();


  function owner(appId: string): Promise<AppHistory | null> {
    let p = owners.get(appId);
    if (!p) owners.set(appId, (p = adminApi.app(appId).catch(() => null)));
    return p;
  }

  async function load(): Promise<void> {
    const n = ++asked;
    let disputes: DisputeEntry[];
    try {
      disputes = await adminApi.disputes(status || undefined);
    } catch (e) {
      if (n !== asked) return;
      list.replaceChildren(failure("Couldn't load the disputes", e, () => void load()));
      return ctx.failed(e);
    }
    const apps = new Map(await Promise.all([...new Set(disputes.map((d) => d.appId))].map(async (id) => [id, await owner(id)] as const)));
    if (n !== asked) return;
    if (!disputes.length) return void list.replaceChildren(empty(status ? `No ${status} disputes` : 'No disputes', 'Disputes appear here when a buyer opens one on a paid order.'));
    const cards = el('div', 'desk-column', ...disputes.map((d) => card(d, apps.get(d.appId) ?? null)));
    cards.dataset.filter = status || 'all';
    list.replaceChildren(cards);
  }

  function card(d: DisputeEntry, app: AppHistory | null): HTMLElement {
    const label = disputeStatusLabel(d, d.currency);
    const merchant = app ? (app.merchant.email ?? app.merchant.displayName ?? app.merchant.id) : d.merchantId;
    const parts: Node[] = [
      el('div', 'desk-dispute-head', el('span', 'desk-dispute-amount', formatMoney(d.amount, d.currency)), badge(label.text, label.tone), el('span', 'desk-muted', `opened ${formatDateTime(d.createdAt)}`)),
      facts([
        ['Order', mono(d.orderId)],
        ['App', app ? router.link(adminPaths.app(d.appId), '', app.app.name) : d.appId],
        ['Merchant', merchant],
      ]),
      el('h3', 'desk-subtitle', "The buyer's reason"),
      el('p', 'desk-notes', d.reason),
      el('h3', 'desk-subtitle', "The merchant's answer"),
      d.answer ? el('p', 'desk-notes', d.answer) : el('p', 'desk-note', 'No answer yet.'),
    ];
    if (d.status === 'resolved') {
      parts.push(el('h3', 'desk-subtitle', 'Decision'), el('p', 'desk-notes', `${d.decision === 'refund' ? `Refunded ${formatMoney(d.refundAmount ?? 0, d.currency)} to the buyer` : 'Released to the merchant'}${d.decidedAt ? ` on ${formatDateTime(d.decidedAt)}` : ''}.`));
      if (d.note) parts.push(el('p', 'desk-notes desk-muted', d.note));
    } else {
      parts.push(disputeDecisionForm(ctx, d, load));
    }
    const section = el('section', 'desk-panel desk-dispute', ...parts);
    section.setAttribute('aria-label', `Dispute on ${d.orderId}`);
    section.dataset.testid = `dispute-${d.orderId}`;
    return section;
  }

  return {
    el: root,
    title: 'Disputes',
    unmount() {
      asked++;
    },
  };
}
