import { afterEach, describe, expect, it } from 'vitest';
import type { ProgramTester } from '../../sdk/testing/index.ts';
import { closeClean, openWithCart } from './test-support.ts';

let t: ProgramTester;
afterEach(() => closeClean(t));

const lineIds = () => t.find({ id: 'cart-lines' }).node.children.map((c) => (typeof c === 'string' ? c : c.key));
/** The cart as the page holds it in its data (what `setData` wrote). */
const pageCart = async () => ((await t.snapshot()).stack.at(-1)!.data as { cart: { id: string; qty: number }[] }).cart;

describe('cart', () => {
  it('shows an empty state that leads back to the shop', async () => {
    t = await openWithCart([]);
    expect(t.find({ id: 'empty-cart' }).node).toBeTruthy();
    expect(t.text({ id: 'empty-cart' })).toContain('Your cart is empty');
    await t.tap('Go shopping');
    expect(t.route).toBe('pages/catalog');
  });

  it('lists the lines from storage with subtotals and the total', async () => {
    t = await openWithCart([{ id: 'longjing', qty: 2 }, { id: 'gaiwan', qty: 1 }]);
    expect(t.route).toBe('pages/cart');
    expect(lineIds()).toEqual(['longjing', 'gaiwan']);
    expect(t.text({ id: 'line-longjing' })).toContain('West Lake Longjing');
    expect(t.text({ id: 'line-longjing-subtotal' })).toBe('¥256.00');
    expect(t.text({ id: 'line-longjing-qty-value' })).toBe('2');
    expect(t.text({ id: 'total' })).toBe('¥424.00');
    expect(t.text({ id: 'checkout' })).toBe('Checkout (3)');
  });

  it('drops entries for products that are no longer sold', async () => {
    t = await openWithCart([{ id: 'retired-tea', qty: 1 }, { id: 'keemun', qty: 1 }]);
    expect(lineIds()).toEqual(['keemun']);
    expect(t.text({ id: 'total' })).toBe('¥68.00');
  });

  it('changes a quantity in place, updating the line, the total and storage', async () => {
    t = await openWithCart([{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 2 }]);
    await t.tap({ id: 'line-keemun-qty-plus' });
    expect(t.text({ id: 'line-keemun-qty-value' })).toBe('3');
    expect(t.text({ id: 'line-keemun-subtotal' })).toBe('¥204.00');
    expect(t.text({ id: 'total' })).toBe('¥332.00');
    expect(t.text({ id: 'checkout' })).toBe('Checkout (4)');
    expect(t.host.storage.get('cart')).toEqual([{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 3 }]);
    // The rest of the line came through untouched: only cart[1].qty was written.
    expect(await pageCart()).toEqual([
      { id: 'longjing', qty: 1, name: 'West Lake Longjing', spec: '100 g tin', image: 'assets/longjing.png', price: 12800 },
      { id: 'keemun', qty: 3, name: 'Qimen Keemun', spec: '150 g tin', image: 'assets/keemun.png', price: 6800 },
    ]);
    await t.tap({ id: 'line-keemun-qty-minus' });
    await t.tap({ id: 'line-keemun-qty-minus' });
    expect(t.text({ id: 'line-keemun-qty-value' })).toBe('1');
    expect(t.text({ id: 'total' })).toBe('¥196.00');
    expect(t.find({ id: 'line-keemun-qty-minus' }).node.props.disabled).toBe(true);
    expect(t.host.storage.get('cart')).toEqual([{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 1 }]);
  });

  it('removes a line after the user confirms', async () => {
    t = await openWithCart([{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 2 }]);
    await t.tap({ id: 'line-longjing-remove' });
    expect(t.host.modals).toEqual([{ title: 'Remove this item?', content: 'West Lake Longjing', answer: true }]);
    expect(lineIds()).toEqual(['keemun']);
    expect(t.text({ id: 'total' })).toBe('¥136.00');
    expect(t.host.storage.get('cart')).toEqual([{ id: 'keemun', qty: 2 }]);
  });

  it('keeps the line when the user says no', async () => {
    t = await openWithCart([{ id: 'longjing', qty: 1 }], { modalAnswer: false });
    await t.tap({ id: 'line-longjing-remove' });
    expect(lineIds()).toEqual(['longjing']);
    expect(t.host.storage.get('cart')).toEqual([{ id: 'longjing', qty: 1 }]);
  });

  it('shows the empty state once the last line is removed, and forgets the cart', async () => {
    t = await openWithCart([{ id: 'longjing', qty: 1 }]);
    await t.tap('Remove');
    expect(t.text({ id: 'empty-cart' })).toContain('Your cart is empty');
    expect(t.host.storage.has('cart')).toBe(false);
  });
});
