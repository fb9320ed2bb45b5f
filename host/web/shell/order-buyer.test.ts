import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../modules/payments/browser.ts';
import { buyerNote, reasonOf, refundRequestOf } from './order-buyer.ts';

const at = '2026-03-12T10:00:00.000Z';
const order = (o: Partial<OrderView> = {}): OrderView => ({
  orderId: 'ord_1', appId: 'shop', merchantId: 'm1', status: 'paid', stage: 'paid', amount: 9600, refundedAmount: 0, currency: 'CNY', feeBps: 60,
  items: [{ sku: 'longjing', name: 'Longjing 250 g', quantity: 2, unitAmount: 4800 }], shipping: true, holdUntilReceipt: true, note: null, outTradeNo: null,
  createdAt: at, expiresAt: at, paidAt: at, shippedAt: null, releaseDueAt: null, releasedAt: null, refunds: [], dispute: null, ...o,
});

describe('an order as its buyer reads it', () => {
  it('says where the order stands, and that held money waits for the receipt', () => {
    expect(buyerNote(order())).toBe('Paid. Atrium holds the money until you confirm receipt.');
    expect(buyerNote(order({ releasedAt: at }))).toBe('Paid.');
    expect(buyerNote(order({ status: 'partially_refunded', refundedAmount: 500 }))).toBe('¥5.00 was refunded to your wallet.');
    expect(buyerNote(order({ status: 'shipped', releaseDueAt: at }))).toMatch(/^On its way\. Confirm receipt when it arrives; otherwise it confirms itself on /);
  });

  it('takes a refund request up to what can still be asked back, with a reason', () => {
    const o = order({ refunds: [{ refundId: 'r1', amount: 1600, reason: 'dented', status: 'pending', requestedBy: 'user', outRefundNo: null, createdAt: at, decidedAt: null }] });
    expect(refundRequestOf(o, '80', ' One tin arrived dented. ')).toEqual({ amount: 8000, reason: 'One tin arrived dented.' });
    expect(refundRequestOf(o, '80.01', 'One tin arrived dented.')).toEqual({ problem: 'Amount: give an amount up to ¥80.00.' });
    expect(refundRequestOf(o, 'lots', 'One tin arrived dented.')).toEqual({ problem: 'Amount: give an amount up to ¥80.00.' });
    expect(refundRequestOf(o, '5', ' no ')).toEqual({ problem: 'Reason: say what went wrong, in at least 4 characters.' });
    expect(reasonOf(' never came ')).toEqual({ reason: 'never came' });
  });
});
