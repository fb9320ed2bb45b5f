import { page, type AtriumEvent } from 'atrium';
import { CategoryTabs } from '../components/category-tabs.tsx';
import { ProductCard } from '../components/product-card.tsx';
import { countItems, loadCart } from '../lib/cart.ts';
import { products } from '../lib/products.ts';
import { colors } from '../lib/theme.ts';

export default page({
  title: 'Tea House',
  data: { category: 'all', search: '', cartCount: 0 },

  async onShow() {
    this.setData({ cartCount: countItems(await loadCart()) });
  },

  pickCategory(e: AtriumEvent) {
    const { category } = e.data as { category: string };
    this.setData({ category });
  },

  search(e: AtriumEvent<string>) {
    this.setData({ search: e.value });
  },

  render() {
    const { category, search, cartCount } = this.data;
    const needle = search.trim().toLowerCase();
    const shown = products.filter(
      (p) => (category === 'all' || p.category === category) && (!needle || p.name.toLowerCase().includes(needle)),
    );
    return (
      <view style={{ background: colors.page, minHeight: '100%', paddingBottom: 80 }}>
        <view style={{ background: 'linear-gradient(135deg, #07c160, #0a8f4e)', padding: '20px 16px 16px', color: '#ffffff' }}>
          <text style={{ display: 'block', fontSize: 22, fontWeight: '700' }}>Tea House</text>
          <text style={{ display: 'block', fontSize: 13, opacity: '0.85', marginTop: 4 }}>
            Loose-leaf tea from China's great gardens · free shipping over ¥199
          </text>
          <input
            id="search"
            type="text"
            placeholder="Search teas and teaware"
            value={search}
            onInput="search"
            style={{ marginTop: 12, background: '#ffffff', color: colors.text, borderRadius: 18, padding: '8px 14px', fontSize: 14 }}
          />
        </view>
        <CategoryTabs active={category} />
        {shown.length ? (
          <list id="products" style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', padding: 12 }}>
            {shown.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </list>
        ) : (
          <text id="no-results" style={{ display: 'block', textAlign: 'center', color: colors.muted, padding: 48 }}>
            Nothing matches “{search.trim()}”
          </text>
        )}
        <navigator
          id="cart-button"
          url="/pages/cart"
          openType="switchTab"
          style={{
            position: 'fixed',
            right: 16,
            bottom: 24,
            width: 52,
            height: 52,
            borderRadius: 26,
            background: colors.primary,
            color: '#ffffff',
            boxShadow: '0 4px 12px rgba(7,193,96,0.4)',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 13,
            fontWeight: '600',
          }}
        >
          Cart
          {cartCount > 0 ? (
            <text
              id="cart-badge"
              style={{
                position: 'absolute',
                top: -4,
                right: -4,
                minWidth: 18,
                height: 18,
                lineHeight: '18px',
                padding: '0 5px',
                borderRadius: 9,
                background: colors.price,
                color: '#ffffff',
                fontSize: 11,
                textAlign: 'center',
              }}
            >
              {cartCount > 99 ? '99+' : cartCount}
            </text>
          ) : null}
        </navigator>
      </view>
    );
  },
});
