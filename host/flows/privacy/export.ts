import type { Json } from '../../../sdk/contract/index.ts';
import type { AccountView } from '../../modules/identity/index.ts';
import type { OrderView, Payments, WithdrawalView } from '../../modules/payments/index.ts';
import type { Transfer } from '../../modules/payments/index.ts';
import type { StorageService } from '../../modules/storage/index.ts';
import type { Subscriptions } from '../../modules/subscriptions/index.ts';
import type { MessagingExport } from '../../modules/messaging/index.ts';
import type { QrExport } from '../../modules/qr/index.ts';

export interface ExportSources {
  account(userId: string): Promise<AccountView | undefined>;
  authorizations(userId: string): Promise<{ app_id: string; scope: string; granted: number; decided_at: string }[]>;
  payments: Payments;
  storage: StorageService;
  subscriptions: Pick<Subscriptions['grants'], 'everything'>;
  messaging: { everything(userId: string): Promise<MessagingExport> };
  qr: { everything(userId: string): Promise<QrExport> };
  clock?: () => Date;
}

/** Everything Atrium keeps about a user, in one JSON document they can take away. */
export interface UserExport {
  exportedAt: string;
  account: AccountView;
  authorizations: { appId: string; scope: string; granted: boolean; decidedAt: string }[];
  wallet: { balances: Record<string, number>; statement: Record<string, (Transfer & { direction: 'in' | 'out' })[]> };
  orders: OrderView[];
  /** Money sent from the wallet to cards (card numbers masked). */
  withdrawals: WithdrawalView[];
  /** What mini-programs stored for the user, by app. */
  storage: { appId: string; key: string; value: Json; updatedAt: string }[];
  /** Every subscription template the user accepted: used, unused or revoked. */
  subscriptions: Awaited<ReturnType<Subscriptions['grants']['everything']>>;
  /** Their conversations, what they sent, images, follows and reports. */
  messaging: MessagingExport;
  /** The codes they scanned, and what merchants recorded of it. */
  qr: QrExport;
}

/** More than this many rows of one kind is not a person's history; the export stops there. */
const MAX_ROWS = 10_000;

/** Reads every page of a list that pages by the id of its last item. */
async function allPages<T>(page: (before: string | undefined) => Promise<T[]>, idOf: (item: T) => string): Promise<T[]> {
  const out: T[] = [];
  let before: string | undefined;
  while (out.length < MAX_ROWS) {
    const rows = await page(before);
    out.push(...rows);
    if (rows.length === 0) break;
    before = idOf(rows[rows.length - 1]!);
  }
  return out.slice(0, MAX_ROWS);
}

export function createUserExport(sources: ExportSources) {
  const clock = sources.clock ?? (() => new Date());
  return async function exportUser(userId: string): Promise<UserExport | undefined> {
    const account = await sources.account(userId);
    if (!account) return undefined;
    const wallet = await sources.payments.wallet.wallet(userId);
    const statement: UserExport['wallet']['statement'] = {};
    for (const currency of Object.keys(wallet.balances)) {
      statement[currency] = await allPages((before) => sources.payments.wallet.statement(userId, currency, { before, limit: 200 }), (t) => t.id);
    }
    return {
      exportedAt: clock().toISOString(),
      account,
      authorizations: (await sources.authorizations(userId)).map((a) => ({ appId: a.app_id, scope: a.scope, granted: a.granted === 1, decidedAt: a.decided_at })),
      wallet: { balances: wallet.balances, statement },
      orders: await allPages((before) => sources.payments.orders.list({ userId }, { before, limit: 200 }), (o) => o.orderId),
      withdrawals: await allPages((before) => sources.payments.withdrawals.list({ kind: 'wallet', id: userId }, { before, limit: 200 }), (w) => w.withdrawalId),
      storage: await sources.storage.everything(userId),
      subscriptions: await sources.subscriptions.everything(userId),
      messaging: await sources.messaging.everything(userId),
      qr: await sources.qr.everything(userId),
    };
  };
}
