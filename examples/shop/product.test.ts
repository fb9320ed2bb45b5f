import { afterEach, describe, expect, it } from 'vitest';
import { openProgram, type ProgramTester } from '../../sdk/testing/index.ts';
import { closeClean, dir } from './test-support.ts';

let t: ProgramTester;
afterEach(() => closeClean(t));

const openProduct = (id: string) => openProgram(dir, { page: 'pages/product', query: { id } });

describe('product page', () => {
  it('shows the product named in the query', async () => {
    t = await openProduct('teapot');
    expect(t.title).toBe('Yixing Zisha Teapot');
    expect(t.find({ id: 'product-image' }).node.props.src).toBe('assets/teapot.png');
    expect(t.text({ id: 'name' })).toBe('LimitedYixing Zisha Teapot');
    expect(t.text({ id: 'price' })).toBe('¥368.00');
    expect(t.text({ id: 'spec' })).toBe('200 ml');
    expect(t.text({ id: 'description' })).toMatch(/^Hand-thrown purple clay pot/);
  });

  it('says so when the product does not exist', async () => {
    t = await openProduct('nope');
    expect(t.text({ id: 'not-found' })).toBe('This product is no longer available.');
    expect(t.query({ id: 'add-to-cart' })).toBeNull();
  });

  it('steps the quantity up and down, never below 1', async () => {
    t = await openProduct('keemun');
    expect(t.text({ id: 'qty-value' })).toBe('1');
    expect(t.find({ id: 'qty-minus' }).node.props.disabled).toBe(true);
    await t.tap({ id: 'qty-plus' });
    await t.tap({ id: 'qty-plus' });
    expect(t.text({ id: 'qty-value' })).toBe('3');
    expect(t.find({ id: 'qty-minus' }).node.props.disabled).toBe(false);
    await t.tap({ id: 'qty-minus' });
    expect(t.text({ id: 'qty-value' })).toBe('2');
  });

  it('adds the chosen quantity to the cart in storage and confirms with a toast', async () => {
    t = await openProduct('keemun');
    await t.tap({ id: 'qty-plus' });
    await t.tap('Add to cart');
    expect(t.host.storage.get('cart')).toEqual([{ id: 'keemun', qty: 2 }]);
    expect(t.host.toasts).toEqual([{ title: 'Added to cart', icon: 'success' }]);
    expect(t.text({ id: 'qty-value' })).toBe('1');
    expect(t.text({ id: 'product-cart-count' })).toBe('2 in cart');
  });

  it('merges with what is already in the cart', async () => {
    t = await openProduct('keemun');
    t.host.storage.set('cart', [{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 3 }]);
    await t.tap('Add to cart');
    expect(t.host.storage.get('cart')).toEqual([{ id: 'longjing', qty: 1 }, { id: 'keemun', qty: 4 }]);
  });

  it('tells the user when the cart cannot be saved', async () => {
    t = await openProduct('keemun');
    t.stub('storage.set', () => {
      throw new Error('disk on fire');
    });
    await t.tap('Add to cart');
    expect(t.host.toasts).toEqual([{ title: 'Could not update your cart', icon: 'error' }]);
  });

  it('goes to the cart tab from the bottom bar', async () => {
    t = await openProduct('lapsang');
    await t.tap('Add to cart');
    await t.tap({ id: 'go-to-cart' });
    expect(t.route).toBe('pages/cart');
    expect(t.stack).toEqual(['pages/cart']);
    expect(t.text({ id: 'line-lapsang' })).toContain('Lapsang Souchong');
  });

  it('shares the product as a card from the Share button, and thanks the user only when they shared', async () => {
    t = await openProduct('keemun');
    await t.tap({ id: 'share' });
    expect(t.host.shares).toEqual([{ title: findName(t), page: 'pages/product', query: { id: 'keemun' }, shared: true }]);
    expect(t.host.toasts.at(-1)).toMatchObject({ title: 'Shared' });
    await closeClean(t);
    t = await openProgram(dir, { page: 'pages/product', query: { id: 'keemun' }, shareAnswer: false });
    await t.tap({ id: 'share' });
    expect(t.host.toasts).toEqual([]);
  });
});

const findName = (tester: ProgramTester) => tester.title;
