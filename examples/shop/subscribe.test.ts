import { afterEach, describe, expect, it } from 'vitest';
import { openProgram, type ProgramTester } from '../../sdk/testing/index.ts';
import { closeClean, dir, openWithCart } from './test-support.ts';

let t: ProgramTester;
afterEach(() => closeClean(t));

const cart = [{ id: 'longjing', qty: 1 }];

describe('telling the buyer when the order ships', () => {
  it('asks the host for the order-shipped template from the tap, and says it will message', async () => {
    t = await openWithCart(cart);
    await t.tap('Checkout');
    expect(t.route).toBe('pages/result');
    await t.tap('Tell me when it ships');
    expect(t.called('subscribe.requestSubscribe').map((c) => c.args)).toEqual([{ templateIds: ['order-shipped'] }]);
    expect(t.host.subscriptions.prompts).toEqual([{ templateIds: ['order-shipped'], titles: ['Order shipped'], results: { 'order-shipped': 'accept' } }]);
    expect(t.host.subscriptions.grants).toEqual({ 'order-shipped': 1 });
    expect(t.text({ id: 'ship-notice' })).toBe("We'll message you when it ships");
    expect(t.query({ id: 'notify-shipped' })).toBeNull();
    expect(t.host.toasts).toEqual([{ title: "We'll tell you when it ships" }]);
  });

  it('keeps the button and records nothing when the buyer declines', async () => {
    t = await openWithCart(cart, { subscribe: 'reject' });
    await t.tap('Checkout');
    await t.tap('Tell me when it ships');
    expect(t.host.subscriptions.grants).toEqual({});
    expect(t.find({ id: 'notify-shipped' })).toBeTruthy();
    expect(t.host.toasts).toEqual([]);
  });

  it('opened from the shipping notice, says the order is on its way and asks nothing', async () => {
    t = await openProgram(dir, {
      page: 'pages/result',
      query: { orderId: 'ord_7Hq2' },
      stubs: {
        'payments.getOrder': () => ({ orderId: 'ord_7Hq2', amount: 12800, currency: 'CNY', status: 'shipped', refundedAmount: 0, createdAt: '2026-12-08T10:00:00Z', paidAt: '2026-12-08T10:01:00Z' }),
      },
    });
    expect(t.text({ id: 'result-title' })).toBe('Your order is on its way');
    expect(t.text({ id: 'order-id' })).toBe('ord_7Hq2');
    expect(t.query({ id: 'notify-shipped' })).toBeNull();
  });
});
