/**
 * What Atrium's own pages may take from payments: the shapes its API answers with and the pure
 * rules the pages apply before asking (the fee a merchant will see, how a card number is read).
 * No server code and no schema library behind this door.
 */
export type { DisputeView, OrderItem, OrderStatus, OrderView, RefundView } from './views.ts';
export type { WithdrawalView } from './withdrawals.ts';
export type { Transfer } from './ledger.ts';
export type { TopUpView } from './wallet.ts';
export type { TransferKind } from './tables.ts';
export { feeOf } from './fee.ts';
export { cardDigits } from './inputs.ts';
