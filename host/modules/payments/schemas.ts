import { z } from '@hono/zod-openapi';
import type { Transfer } from './ledger.ts';
import { currencyCodes, unsupportedCurrencyMessage } from '../../../sdk/contract/index.ts';
import type { TopUpView } from './wallet.ts';
import type { WithdrawalView } from './withdrawals.ts';
import type { DisputeView, OrderView, RefundView } from './views.ts';

export const Pin = z.string().regex(/^\d{6}$/, '6 digits');
export const Currency = z.enum(currencyCodes, { error: unsupportedCurrencyMessage });
export const Reason = z.string().trim().min(4, 'at least 4 characters').max(500);
export const Limit = z.coerce.number().int().min(1).max(200).optional();
export const Id = z.string().min(1).max(64);

// Views are built by the service with their TypeScript types; the document names their shape.
export const OrderSchema = z.custom<OrderView>().openapi('Order', { type: 'object', description: 'An order with its refunds and dispute; amounts in minor units' });
export const RefundSchema = z.custom<RefundView>().openapi('Refund', { type: 'object' });
export const DisputeSchema = z.custom<DisputeView>().openapi('Dispute', { type: 'object' });
export const TopUpSchema = z.custom<TopUpView>().openapi('TopUp', { type: 'object', description: 'status `challenge` carries the prompt to show the card holder' });
export const WithdrawalSchema = z.custom<WithdrawalView>().openapi('Withdrawal', { type: 'object', description: 'status `pending` while the card provider has not answered; `failed` carries the reason, and the money is back' });
/** Where a withdrawal goes: a card number, spaces and dashes allowed. */
export const PayoutCard = z.string().min(12).max(23);
export const EntrySchema = z.custom<Transfer & { direction: 'in' | 'out' }>().openapi('LedgerEntry', { type: 'object' });
export const Balances = z.record(z.string(), z.number()).openapi({ description: 'minor units by currency' });
