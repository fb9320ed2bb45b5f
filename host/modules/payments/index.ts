/** Payments: the ledger, wallets, checkout, held funds, refunds and disputes. */
export { paymentsMigrations } from './migrations.ts';
export { createPayments, type Payments } from './service.ts';
export type { PaymentsOptions } from './context.ts';
export { simulatedProvider, simulatedCards, type CardProvider, type ChargeResult, type PayoutResult } from './provider.ts';
export { feeOf } from './settlement.ts';
export type { WithdrawalView, WithdrawalOwner } from './withdrawals.ts';
export type { OrderView, OrderStatus, RefundView, DisputeView, OrderItem } from './views.ts';
export type { Transfer } from './ledger.ts';
export type { PaymentsTables } from './tables.ts';
export { paymentsBridge } from './bridge.ts';
export { paymentUserRoutes } from './user.routes.ts';
export { paymentMerchantRoutes } from './merchant.routes.ts';
export { paymentsModule, type PaymentsModuleOptions } from './module.ts';
