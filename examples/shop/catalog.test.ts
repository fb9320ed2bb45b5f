import { afterEach, describe, expect, it } from 'vitest';
import { openProgram, type ProgramTester } from '../../sdk/testing/index.ts';
import { products } from './lib/products.ts';
import { back, closeClean, dir } from './test-support.ts';

let t: ProgramTester;
afterEach(() => closeClean(t));

const cards = () => t.findAll({ type: 'navigator' }).filter((n) => String(n.node.props.id).startsWith('product-'));
const shownIds = () => cards().map((c) => c.node.key);

describe('catalog', () => {
  it('opens on the catalog and lists every product with its image, name and price', async () => {
    t = await openProgram(dir);
    expect(t.route).toBe('pages/catalog');
    expect(t.title).toBe('Tea House');
    expect(shownIds()).toEqual(products.map((p) => p.id));
    const longjing = t.find({ id: 'product-longjing' });
    expect(t.text({ id: 'product-longjing' })).toContain('West Lake Longjing');
    expect(t.text({ id: 'product-longjing' })).toContain('¥128.00');
    expect(longjing.node.props.url).toBe('/pages/product?id=longjing');
    const img = t.findAll({ type: 'image' })[0]!.node;
    expect(img.props.src).toBe('assets/longjing.png');
  });

  it('filters by category and back to all', async () => {
    t = await openProgram(dir);
    await t.tap({ id: 'category-oolong' });
    expect(shownIds()).toEqual(['tieguanyin', 'dahongpao', 'dongding']);
    await t.tap('Teaware');
    expect(shownIds()).toEqual(['gaiwan', 'teapot', 'teatray']);
    await t.tap({ id: 'category-all' });
    expect(shownIds()).toHaveLength(products.length);
  });

  it('searches by name, and says so when nothing matches', async () => {
    t = await openProgram(dir);
    await t.type('search', 'oolong');
    expect(shownIds()).toEqual(['dongding']);
    await t.type('search', 'matcha');
    expect(shownIds()).toEqual([]);
    expect(t.text({ id: 'no-results' })).toBe('Nothing matches “matcha”');
  });

  it('opens a product page when a card is tapped, on top of the catalog', async () => {
    t = await openProgram(dir);
    await t.tap('Wuyi Da Hong Pao');
    expect(t.route).toBe('pages/product');
    expect(t.stack).toEqual(['pages/catalog', 'pages/product']);
    expect(t.title).toBe('Wuyi Da Hong Pao');
    expect(t.text({ id: 'price' })).toBe('¥198.00');
  });

  it('shows no cart badge when the cart is empty, and the item count once something is added', async () => {
    t = await openProgram(dir);
    expect(t.query({ id: 'cart-badge' })).toBeNull();
    await t.tap({ id: 'product-keemun' });
    await t.tap({ id: 'qty-plus' });
    await t.tap('Add to cart');
    await back(t);
    expect(t.route).toBe('pages/catalog');
    expect(t.text({ id: 'cart-badge' })).toBe('2');
  });

  it('switches to the cart tab from the cart button', async () => {
    t = await openProgram(dir);
    await t.tap({ id: 'cart-button' });
    expect(t.route).toBe('pages/cart');
    expect(t.stack).toEqual(['pages/cart']);
  });
});
