import { describe, expect, it } from 'vitest';
import type { DisputeView, OrderView, RefundView } from '../../modules/payments/browser.ts';
import { formatDateTime } from '../common/format.ts';
import { proceeds, settlement, waitingOn } from './order-facts.ts';

const at = '2026-03-12T10:00:00.000Z';
const later = '2026-03-22T10:00:00.000Z';

function order(o: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'ord_1', appId: 'shop', merchantId: 'm1', status: 'paid', stage: 'paid', amount: 256_00, refundedAmount: 0, currency: 'CNY', feeBps: 60,
    items: [{ sku: 'longjing', name: 'Longjing 250 g', quantity: 2, unitAmount: 128_00 }], shipping: true, holdUntilReceipt: true, note: null, outTradeNo: null,
    createdAt: at, expiresAt: at, paidAt: at, shippedAt: null, releaseDueAt: null, releasedAt: null, refunds: [], dispute: null, ...o,
  };
}
const refund = (r: Partial<RefundView>): RefundView => ({ refundId: 'rfd_1', amount: 10_00, reason: 'dented tin', status: 'pending', requestedBy: 'user', outRefundNo: null, createdAt: at, decidedAt: null, ...r });
const dispute = (d: Partial<DisputeView>): DisputeView => ({ disputeId: 'dsp_1', reason: 'never came', status: 'open', answer: null, decision: null, refundAmount: null, note: null, createdAt: at, answeredAt: null, decidedAt: null, ...d });

describe("an order, for its merchant", () => {
  it('says what waits for the merchant: shipping, a refund request, a dispute to answer', () => {
    expect(waitingOn(order())).toEqual([{ text: 'To ship', tone: 'blue' }]);
    expect(waitingOn(order({ shipping: false }))).toEqual([]);
    expect(waitingOn(order({ stage: 'shipped', refunds: [refund({})], dispute: dispute({}) })).map((l) => l.text)).toEqual(['Refund requested', 'Dispute to answer']);
    expect(waitingOn(order({ stage: 'shipped', refunds: [refund({ status: 'refunded' })], dispute: dispute({ status: 'answered' }) }))).toEqual([]);
  });

  it('shows the platform fee on what is not refunded and what is left, as the ledger moves it', () => {
    expect(proceeds(order())).toEqual([
      ['Platform fee (0.6%)', '−¥1.53'],
      ['You receive on release', '¥254.47'],
    ]);
    expect(proceeds(order({ refundedAmount: 56_00, releasedAt: later }))).toEqual([
      ['Platform fee (0.6%)', '−¥1.20'],
      ['You received', '¥198.80'],
    ]);
    expect(proceeds(order({ paidAt: null }))).toEqual([]);
    expect(proceeds(order({ refundedAmount: 256_00 }))).toEqual([]);
  });

  it("says where the buyer's money is", () => {
    expect(settlement(order({ paidAt: null }))).toBe('Not paid');
    expect(settlement(order())).toBe('Held until the buyer confirms receipt');
    expect(settlement(order({ releaseDueAt: later }))).toBe(`Held until the buyer confirms receipt, or ${formatDateTime(later)}`);
    expect(settlement(order({ dispute: dispute({ status: 'answered' }) }))).toBe('Held while the dispute is open');
    expect(settlement(order({ releasedAt: later }))).toBe(`Settled to your balance on ${formatDateTime(later)}, less the platform fee`);
    expect(settlement(order({ refundedAmount: 256_00 }))).toBe('Refunded to the buyer');
  });
});
