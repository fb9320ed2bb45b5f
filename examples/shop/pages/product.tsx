import { page, ui } from 'atrium';
import { Price } from '../components/price.tsx';
import { Stepper } from '../components/stepper.tsx';
import { Tag } from '../components/tag.tsx';
import { addToCart, clampQty, countItems, loadCart, MAX_QTY } from '../lib/cart.ts';
import { findProduct, soldLabel } from '../lib/products.ts';
import { actionBar, card, colors, primaryButton } from '../lib/theme.ts';

export default page({
  title: 'Product',
  data: { id: '', qty: 1, cartCount: 0, adding: false },

  onLoad(query) {
    const product = findProduct(query.id);
    this.setData({ id: query.id ?? '' });
    if (product) void ui.setTitle({ title: product.name });
  },

  async onShow() {
    this.setData({ cartCount: countItems(await loadCart()) });
  },

  minus() {
    this.setData({ qty: clampQty(this.data.qty - 1) });
  },

  plus() {
    this.setData({ qty: clampQty(this.data.qty + 1) });
  },

  async addToCart() {
    const product = findProduct(this.data.id);
    if (!product || this.data.adding) return;
    this.setData({ adding: true });
    try {
      const cart = await addToCart(product.id, this.data.qty);
      this.setData({ cartCount: countItems(cart), qty: 1 });
      await ui.toast({ title: 'Added to cart', icon: 'success' });
    } catch {
      await ui.toast({ title: 'Could not update your cart', icon: 'error' });
    } finally {
      this.setData({ adding: false });
    }
  },

  /** Shares this tea as a card in one of the user's chats: the host draws the picker; we learn only whether. */
  async share() {
    const product = findProduct(this.data.id);
    if (!product) return;
    const { shared } = await ui.share({ title: product.name, page: 'pages/product', query: { id: product.id } });
    if (shared) void ui.toast({ title: 'Shared', icon: 'success' });
  },

  render() {
    const p = findProduct(this.data.id);
    if (!p) {
      return (
        <view style={{ padding: 48, textAlign: 'center', color: colors.muted }}>
          <text id="not-found" style={{ display: 'block', fontSize: 16, marginBottom: 16 }}>
            This product is no longer available.
          </text>
          <navigator url="/pages/catalog" openType="switchTab" style={{ color: colors.primary }}>
            Back to the shop
          </navigator>
        </view>
      );
    }
    const { qty, cartCount, adding } = this.data;
    return (
      <view style={{ background: colors.page, minHeight: '100%', paddingBottom: 84 }}>
        <image id="product-image" src={p.image} alt={p.name} mode="aspectFill" style={{ width: '100%', height: 320, background: colors.line }} />
        <view style={{ ...card, borderRadius: 0, padding: 16 }}>
          <view style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between' }}>
            <Price id="price" fen={p.price} size={26} />
            <view style={{ display: 'flex', alignItems: 'center' }}>
              <text style={{ fontSize: 12, color: colors.muted }}>{soldLabel(p.sold)}</text>
              <button id="share" size="mini" onTap="share" style={{ marginLeft: 12 }}>
                Share
              </button>
            </view>
          </view>
          <text id="name" style={{ display: 'block', fontSize: 18, fontWeight: '600', color: colors.text, marginTop: 8, lineHeight: '26px' }}>
            {p.tag ? <Tag label={p.tag} /> : null}
            {p.name}
          </text>
          <text id="spec" style={{ display: 'block', fontSize: 13, color: colors.muted, marginTop: 4 }}>
            {p.spec}
          </text>
        </view>
        <view style={{ ...card, borderRadius: 0, marginTop: 8, padding: 16, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <text style={{ fontSize: 14, color: colors.text }}>Quantity</text>
          <Stepper id="qty" value={qty} min={1} max={MAX_QTY} onMinus="minus" onPlus="plus" />
        </view>
        <view style={{ ...card, borderRadius: 0, marginTop: 8, padding: 16 }}>
          <text style={{ display: 'block', fontSize: 15, fontWeight: '600', marginBottom: 8 }}>About this {p.category === 'teaware' ? 'piece' : 'tea'}</text>
          <text id="description" style={{ display: 'block', fontSize: 14, lineHeight: '22px', color: '#555555' }}>
            {p.description}
          </text>
        </view>
        <view
          style={actionBar}
        >
          <navigator id="go-to-cart" url="/pages/cart" openType="switchTab" style={{ fontSize: 12, color: colors.muted, textAlign: 'center', minWidth: 44 }}>
            <text style={{ display: 'block', fontSize: 14, color: colors.text }}>Cart</text>
            {cartCount > 0 ? <text id="product-cart-count">{cartCount} in cart</text> : 'View'}
          </navigator>
          <button id="add-to-cart" kind="primary" loading={adding} onTap="addToCart" style={{ ...primaryButton, flex: '1', height: 44, lineHeight: '44px' }}>
            Add to cart
          </button>
        </view>
      </view>
    );
  },
});
