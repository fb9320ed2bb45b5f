import { describe, expect, it } from 'vitest';
import type { DisputeView, OrderView, RefundView } from '../../modules/payments/browser.ts';
import { askableLeft, buyerActions, disputeStatusLabel, itemsSummary, merchantActions, orderStatusLabel, refundBy, refundStatusLabel, refundableLeft, transferLabel } from './orders.ts';

const at = '2026-03-12T10:00:00.000Z';

function order(o: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'ord_1', appId: 'shop', merchantId: 'm1', status: 'paid', stage: 'paid', amount: 9600, refundedAmount: 0, currency: 'CNY', feeBps: 60,
    items: [{ sku: 'longjing', name: 'Longjing 250 g', quantity: 2, unitAmount: 4800 }], shipping: true, holdUntilReceipt: true, note: null, outTradeNo: null,
    createdAt: at, expiresAt: at, paidAt: at, shippedAt: null, releaseDueAt: null, releasedAt: null, refunds: [], dispute: null, ...o,
  };
}

const refund = (r: Partial<RefundView>): RefundView => ({ refundId: 'rfd_1', amount: 1000, reason: 'dented tin', status: 'pending', requestedBy: 'user', outRefundNo: null, createdAt: at, decidedAt: null, ...r });
const dispute = (d: Partial<DisputeView>): DisputeView => ({ disputeId: 'dsp_1', reason: 'never came', status: 'open', answer: null, decision: null, refundAmount: null, note: null, createdAt: at, answeredAt: null, decidedAt: null, ...d });

describe('orders in words', () => {
  it('names every status with a colour', () => {
    expect(orderStatusLabel('created')).toEqual({ text: 'Awaiting payment', tone: 'orange' });
    expect(orderStatusLabel('completed')).toEqual({ text: 'Completed', tone: 'green' });
    expect(orderStatusLabel('disputed').tone).toBe('red');
    expect(orderStatusLabel('partially_refunded').text).toBe('Partly refunded');
  });

  it('sums up the items', () => {
    expect(itemsSummary([{ name: 'Longjing', quantity: 2 }])).toBe('Longjing × 2');
    expect(itemsSummary([{ name: 'Longjing', quantity: 2 }, { name: 'Gaiwan', quantity: 1 }, { name: 'Tray', quantity: 1 }])).toBe('Longjing × 2 and 2 more');
    expect(itemsSummary([])).toBe('No items');
  });

  it('says who started a refund from either side, and how it stands', () => {
    expect(refundBy({ requestedBy: 'user' }, 'user')).toBe('You asked');
    expect(refundBy({ requestedBy: 'user' }, 'merchant')).toBe('The buyer asked');
    expect(refundBy({ requestedBy: 'merchant' }, 'user')).toBe('By the merchant');
    expect(refundBy({ requestedBy: 'admin' }, 'merchant')).toBe('Decided by Atrium');
    expect(refundStatusLabel({ status: 'pending' }).text).toBe('Requested');
    expect(refundStatusLabel({ status: 'rejected' }).tone).toBe('red');
  });

  it('says how a dispute stands, with the amount a decision refunded', () => {
    expect(disputeStatusLabel(dispute({}), 'CNY').text).toBe('Open');
    expect(disputeStatusLabel(dispute({ status: 'resolved', decision: 'refund', refundAmount: 4800 }), 'CNY').text).toBe('Resolved: ¥48.00 refunded');
    expect(disputeStatusLabel(dispute({ status: 'resolved', decision: 'release' }), 'CNY').text).toBe('Resolved: released to the merchant');
  });

  it('names ledger lines from the side of the statement', () => {
    expect(transferLabel('topup', 'in')).toBe('Top-up');
    expect(transferLabel('payment', 'out')).toBe('Payment');
    expect(transferLabel('refund', 'in')).toBe('Refund');
    expect(transferLabel('refund', 'out')).toBe('Refund to the buyer');
    expect(transferLabel('release', 'in')).toBe('Order settled');
  });
});

describe('what an order allows', () => {
  it('counts what is left to refund and to ask back', () => {
    const o = order({ refundedAmount: 1000, refunds: [refund({ status: 'refunded', amount: 1000 }), refund({ amount: 2000 }), refund({ status: 'rejected', amount: 500 })] });
    expect(refundableLeft(o)).toBe(8600);
    expect(askableLeft(o)).toBe(6600);
  });

  it('lets the buyer of a paid, held order confirm receipt, ask a refund or open a dispute', () => {
    expect(buyerActions(order())).toEqual({ confirmReceipt: true, requestRefund: true, openDispute: true });
    expect(buyerActions(order({ stage: 'shipped', status: 'shipped' }))).toEqual({ confirmReceipt: true, requestRefund: true, openDispute: true });
  });

  it('offers the buyer nothing on an unpaid order, and no dispute once the money is released', () => {
    expect(buyerActions(order({ stage: 'created', status: 'created', paidAt: null }))).toEqual({ confirmReceipt: false, requestRefund: false, openDispute: false });
    expect(buyerActions(order({ stage: 'completed', status: 'completed', releasedAt: at }))).toEqual({ confirmReceipt: false, requestRefund: true, openDispute: false });
    expect(buyerActions(order({ holdUntilReceipt: false, releasedAt: at })).openDispute).toBe(false);
  });

  it('offers the buyer nothing more while a dispute is open, nor on an order refunded in full', () => {
    expect(buyerActions(order({ dispute: dispute({}) }))).toEqual({ confirmReceipt: false, requestRefund: false, openDispute: false });
    expect(buyerActions(order({ refundedAmount: 9600 }))).toEqual({ confirmReceipt: false, requestRefund: false, openDispute: false });
    // Everything asked for already: no second request.
    expect(buyerActions(order({ refunds: [refund({ amount: 9600 })] })).requestRefund).toBe(false);
  });

  it('lets the merchant ship a paid order, refund what is left and answer an open dispute', () => {
    expect(merchantActions(order())).toEqual({ ship: true, refund: true, answerDispute: false });
    expect(merchantActions(order({ stage: 'shipped' }))).toEqual({ ship: false, refund: true, answerDispute: false });
    expect(merchantActions(order({ dispute: dispute({ status: 'answered' }) })).answerDispute).toBe(true);
    expect(merchantActions(order({ dispute: dispute({ status: 'resolved' }) })).answerDispute).toBe(false);
    expect(merchantActions(order({ refundedAmount: 9600 }))).toEqual({ ship: false, refund: false, answerDispute: false });
    expect(merchantActions(order({ stage: 'created', paidAt: null }))).toEqual({ ship: false, refund: false, answerDispute: false });
  });
});
