import { afterEach, describe, expect, it } from 'vitest';
import { AtriumError } from '../../sdk/contract/index.ts';
import type { ProgramTester } from '../../sdk/testing/index.ts';
import { closeClean, openWithCart } from './test-support.ts';

let t: ProgramTester;
afterEach(() => closeClean(t));

const cart = [
  { id: 'dahongpao', qty: 1 },
  { id: 'keemun', qty: 2 },
];

describe('checkout', () => {
  it('creates an order from the cart, pays, empties the cart and shows the result', async () => {
    t = await openWithCart(cart);
    await t.tap('Checkout');
    const [create] = t.called('payments.createOrder');
    expect(create!.args).toEqual({
      items: [
        { sku: 'dahongpao', name: 'Wuyi Da Hong Pao', quantity: 1, unitAmount: 19800 },
        { sku: 'keemun', name: 'Qimen Keemun', quantity: 2, unitAmount: 6800 },
      ],
      currency: 'CNY',
      shipping: true,
      holdUntilReceipt: true,
    });
    const order = create!.outcome as { ok: true; data: { orderId: string; amount: number } };
    expect(order.data.amount).toBe(33400);
    expect(t.called('payments.requestPayment').map((c) => c.args)).toEqual([{ orderId: order.data.orderId }]);
    expect(t.host.orders.get(order.data.orderId)!.status).toBe('paid');

    expect(t.route).toBe('pages/result');
    expect(t.stack).toEqual(['pages/result']);
    expect(t.text({ id: 'result-title' })).toBe('Payment successful');
    expect(t.text({ id: 'order-id' })).toBe(order.data.orderId);
    expect(t.text({ id: 'paid-amount' })).toBe('¥334.00');
    expect(t.host.storage.has('cart')).toBe(false);
  });

  it('goes back to an empty-badged shop after paying', async () => {
    t = await openWithCart(cart);
    await t.tap('Checkout');
    await t.tap('Continue shopping');
    expect(t.route).toBe('pages/catalog');
    expect(t.query({ id: 'cart-badge' })).toBeNull();
  });

  it('keeps the cart and says so when the user cancels the payment', async () => {
    t = await openWithCart(cart, { payment: 'cancel' });
    await t.tap('Checkout');
    expect(t.host.toasts).toEqual([{ title: 'Payment cancelled', icon: 'none' }]);
    expect(t.route).toBe('pages/cart');
    expect(t.text({ id: 'total' })).toBe('¥334.00');
    expect(t.host.storage.get('cart')).toEqual(cart);
    expect(t.find({ id: 'checkout' }).node.props.loading).toBe(false);
  });

  it('explains in a dialog when the wallet balance is too low', async () => {
    t = await openWithCart(cart, { payment: 'insufficient_funds' });
    await t.tap('Checkout');
    expect(t.host.modals).toHaveLength(1);
    expect(t.host.modals[0]!.title).toBe('Not enough balance');
    expect(t.host.toasts).toEqual([]);
    expect(t.route).toBe('pages/cart');
    expect(t.host.storage.get('cart')).toEqual(cart);
  });

  it('shows the error of any other payment failure and lets the user retry', async () => {
    t = await openWithCart(cart);
    t.stub('payments.requestPayment', () => {
      throw new AtriumError('timeout', 'The payment service did not answer');
    });
    await t.tap('Checkout');
    expect(t.host.toasts).toEqual([{ title: 'The payment service did not answer', icon: 'error' }]);
    expect(t.route).toBe('pages/cart');
    expect(t.host.storage.get('cart')).toEqual(cart);
    expect(t.find({ id: 'checkout' }).node.props.disabled).toBe(false);
  });
});
