/**
 * The host's HTTP API as the shell uses it (the request helper and sign-in are shared with the
 * consoles, in ../common/http.ts).
 */
import type { Json, ShellEvent } from '../../../sdk/contract/view.ts';
import type { ViewUpdate } from '../../../lib/frames.ts';
import type { AppSummary } from '../../modules/apps/browser.ts';
import type { DisputeView, OrderView, RefundView, WithdrawalView } from '../../modules/payments/browser.ts';
import type { Transfer } from '../../modules/payments/browser.ts';
import type { TopUpView } from '../../modules/payments/browser.ts';
import type { Opened as OpenedApp } from '../../sessions/browser.ts';
import { auth, queryString, request, seg } from '../common/http.ts';

// The server's own types, imported as types only: nothing of the server reaches the bundle.
export { ApiError } from '../common/http.ts';
export type { Account } from '../common/http.ts';
export type { AppSummary } from '../../modules/apps/browser.ts';
export type { Opened as OpenedApp } from '../../sessions/browser.ts';
export type { DisputeView, OrderView, RefundView, WithdrawalView } from '../../modules/payments/browser.ts';
export type { TopUpView } from '../../modules/payments/browser.ts';

/** The user's wallet: a balance per currency, and whether a payment PIN is set (or locked). */
export interface Wallet {
  balances: Record<string, number>;
  pin: { hasPin: boolean; lockedUntil: string | null; triesLeft: number };
  /** The card provider moves no real money: the forms name its test cards. */
  sandbox: boolean;
}

/** A line of a statement, signed by `direction` from the wallet's side. */
export type StatementEntry = Transfer & { direction: 'in' | 'out' };

export interface Authorization {
  appId: string;
  scope: string;
  granted: boolean;
  decidedAt: string;
}

export const api = {
  /** The signed-in account (of any kind), or null when nobody is. */
  me: auth.me,
  signup: (body: { email: string; password: string; displayName: string }) => auth.signup({ ...body, kind: 'user' }),
  login: (body: { email: string; password: string }) => auth.login({ ...body, kind: 'user' }),
  logout: auth.logout,
  changePassword: auth.changePassword,
  /** Erases the account (the password again); refused while money is in play. */
  erase: (password: string) => request<{ ok: true }>('POST', '/api/me/erase', { password }),
  /** Everything Atrium keeps about the user, as a JSON download. */
  exportUrl: '/api/me/export',
  signOutEverywhere: auth.signOutEverywhere,

  apps: (filter: { search?: string; category?: string } = {}) => request<{ apps: AppSummary[] }>('GET', `/api/apps${queryString(filter)}`).then((r) => r.apps),
  categories: () => request<{ categories: string[] }>('GET', '/api/apps/categories').then((r) => r.categories),

  open: (appId: string, body: { route?: string; query?: Record<string, string> }) => request<OpenedApp>('POST', `/api/apps/${seg(appId)}/sessions`, body),
  /** Sends a user's event; with `since` (the frame the shell has) the answer is the changes from it when the host still knows them. */
  event: (sessionId: string, event: ShellEvent, since?: number) =>
    request<{ frame: ViewUpdate }>('POST', `/api/sessions/${seg(sessionId)}/events${since !== undefined && since >= 0 ? `?since=${since}` : ''}`, event).then((r) => r.frame),
  answer: (sessionId: string, promptId: string, answer: boolean) => request<{ ok: true }>('POST', `/api/sessions/${seg(sessionId)}/prompts/${seg(promptId)}`, { answer }),
  close: (sessionId: string) => request<{ ok: true }>('DELETE', `/api/sessions/${seg(sessionId)}`),
  streamUrl: (sessionId: string) => `/api/sessions/${seg(sessionId)}/stream`,
  /** A program image: `assets/x.png` of the view is `/api/versions/<versionId>/assets/x.png`. */
  assetUrl: (versionId: string, path: string) => `/api/versions/${seg(versionId)}/${path.split('/').map(seg).join('/')}`,

  authorizations: () => request<{ authorizations: Authorization[] }>('GET', '/api/me/authorizations').then((r) => r.authorizations),
  revoke: (appId: string, scope: string) => request<{ ok: true }>('DELETE', `/api/me/authorizations/${seg(appId)}/${seg(scope)}`),

  // The wallet and orders (host/modules/payments/user.routes.ts).
  wallet: () => request<Wallet>('GET', '/api/wallet'),
  /** Sets the PIN; changing one needs the current PIN. */
  setPin: (pin: string, currentPin?: string) => request<{ ok: true }>('POST', '/api/wallet/pin', currentPin === undefined ? { pin } : { pin, currentPin }),
  /** Charges a card; the same `idempotencyKey` again charges nothing. A `challenge` waits for `confirmTopUp`. */
  topUp: (body: { amount: number; currency: string; card: string; idempotencyKey: string }) => request<TopUpView>('POST', '/api/wallet/topups', body),
  confirmTopUp: (topUpId: string, code: string) => request<TopUpView>('POST', `/api/wallet/topups/${seg(topUpId)}/confirm`, { code }),
  /** Sends money from the wallet to a card, with the PIN; the same `idempotencyKey` again sends nothing more. */
  withdraw: (body: { amount: number; currency: string; card: string; pin: string; idempotencyKey: string }) => request<WithdrawalView>('POST', '/api/wallet/withdrawals', body),
  withdrawals: () => request<{ withdrawals: WithdrawalView[] }>('GET', '/api/wallet/withdrawals').then((r) => r.withdrawals),
  statement: (currency: string, before?: string) => request<{ entries: StatementEntry[] }>('GET', `/api/wallet/statement${queryString({ currency, before })}`).then((r) => r.entries),
  orders: (before?: string) => request<{ orders: OrderView[] }>('GET', `/api/orders${queryString({ before })}`).then((r) => r.orders),
  order: (orderId: string) => request<{ order: OrderView }>('GET', `/api/orders/${seg(orderId)}`).then((r) => r.order),
  pay: (orderId: string, pin: string) => request<{ orderId: string; status: 'paid'; paidAt: string }>('POST', `/api/orders/${seg(orderId)}/pay`, { pin }),
  confirmReceipt: (orderId: string) => request<{ order: OrderView }>('POST', `/api/orders/${seg(orderId)}/confirm-receipt`).then((r) => r.order),
  /** Asks the merchant for money back: `amount` in minor units, or everything left when left out. */
  requestRefund: (orderId: string, body: { amount?: number; reason: string }) => request<{ refund: RefundView }>('POST', `/api/orders/${seg(orderId)}/refunds`, body).then((r) => r.refund),
  openDispute: (orderId: string, reason: string) => request<{ dispute: DisputeView }>('POST', `/api/orders/${seg(orderId)}/dispute`, { reason }).then((r) => r.dispute),
};

export type Api = typeof api;
export type { Json, ShellEvent, ViewUpdate };
