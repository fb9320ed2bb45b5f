import { isAtriumError, page, payments, ui, type AtriumEvent } from 'atrium';
import { Price } from '../components/price.tsx';
import { Stepper } from '../components/stepper.tsx';
import { clampQty, loadCart, MAX_QTY, orderItems, saveCart, toLines, totalOf, type CartLine } from '../lib/cart.ts';
import { actionBar, card, colors, primaryButton } from '../lib/theme.ts';

/** Which line an event is about: its index, checked against the id in case the view was stale. */
function lineIndex(cart: CartLine[], e: AtriumEvent): number {
  const { index, id } = e.data as { index: number; id: string };
  return cart[index]?.id === id ? index : cart.findIndex((l) => l.id === id);
}

function countOf(cart: CartLine[]): number {
  return cart.reduce((n, l) => n + l.qty, 0);
}

export default page({
  title: 'Cart',
  data: { cart: [] as CartLine[], total: 0, count: 0, loaded: false, paying: false },

  async onShow() {
    const cart = toLines(await loadCart());
    this.setData({ cart, total: totalOf(cart), count: countOf(cart), loaded: true });
  },

  minus(e: AtriumEvent) {
    return this.setQty(lineIndex(this.data.cart, e), -1);
  },

  plus(e: AtriumEvent) {
    return this.setQty(lineIndex(this.data.cart, e), +1);
  },

  /** Changes one line in place with a path update (`cart[2].qty`), plus the totals. */
  async setQty(i: number, delta: number) {
    const line = this.data.cart[i];
    if (!line) return;
    const qty = clampQty(line.qty + delta);
    if (qty === line.qty) return;
    const diff = qty - line.qty;
    this.setData({
      ['cart[' + i + '].qty']: qty,
      total: this.data.total + diff * line.price,
      count: this.data.count + diff,
    });
    await saveCart(this.data.cart);
  },

  async remove(e: AtriumEvent) {
    const i = lineIndex(this.data.cart, e);
    const line = this.data.cart[i];
    if (!line) return;
    const { confirm } = await ui.showModal({ title: 'Remove this item?', content: line.name, confirmText: 'Remove', cancelText: 'Keep' });
    if (!confirm) return;
    const cart = this.data.cart.filter((l) => l.id !== line.id);
    this.setData({ cart, total: totalOf(cart), count: countOf(cart) });
    await saveCart(cart);
  },

  async checkout() {
    const { cart, paying } = this.data;
    if (paying || cart.length === 0) return;
    this.setData({ paying: true });
    try {
      // Tea is shipped: the money waits in the host's held funds until the buyer has it.
      const order = await payments.createOrder({ items: orderItems(cart), currency: 'CNY', shipping: true, holdUntilReceipt: true });
      await payments.requestPayment({ orderId: order.orderId });
      await saveCart([]);
      await ui.redirectTo({ url: '/pages/result?orderId=' + encodeURIComponent(order.orderId) });
    } catch (e) {
      this.setData({ paying: false });
      if (isAtriumError(e) && e.code === 'payment_cancelled') {
        await ui.toast({ title: 'Payment cancelled', icon: 'none' });
      } else if (isAtriumError(e) && e.code === 'insufficient_funds') {
        await ui.showModal({
          title: 'Not enough balance',
          content: 'Your wallet balance does not cover this order. Top up your wallet or remove some items, then try again.',
          confirmText: 'OK',
          showCancel: false,
        });
      } else {
        const message = e instanceof Error && e.message ? e.message : 'Payment failed';
        await ui.toast({ title: message.length > 60 ? message.slice(0, 59) + '…' : message, icon: 'error' });
      }
    }
  },

  render() {
    const { cart, total, count, loaded, paying } = this.data;
    if (!loaded) return <view style={{ background: colors.page, minHeight: '100%' }} />;
    if (cart.length === 0) {
      return (
        <view id="empty-cart" style={{ background: colors.page, minHeight: '100%', padding: '80px 24px', textAlign: 'center' }}>
          <view
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 96,
              height: 96,
              margin: '0 auto 16px',
              borderRadius: 48,
              background: '#e3f6ea',
            }}
          >
            <view style={{ width: 48, height: 48, borderRadius: 30, border: '6px solid #ffffff', background: '#b9e4c9' }} />
          </view>
          <text style={{ display: 'block', fontSize: 16, color: colors.text, fontWeight: '600' }}>Your cart is empty</text>
          <text style={{ display: 'block', fontSize: 13, color: colors.muted, marginTop: 6, marginBottom: 24 }}>
            Find a tea you love in the shop.
          </text>
          <navigator
            id="go-shopping"
            url="/pages/catalog"
            openType="switchTab"
            style={{ ...primaryButton, display: 'inline-block', padding: '10px 32px', fontSize: 15 }}
          >
            Go shopping
          </navigator>
        </view>
      );
    }
    return (
      <view style={{ background: colors.page, minHeight: '100%', padding: '12px 12px 84px' }}>
        <list id="cart-lines">
          {cart.map((line, index) => (
            <view key={line.id} id={`line-${line.id}`} style={{ ...card, display: 'flex', gap: 12, padding: 12, marginBottom: 10 }}>
              <image src={line.image} alt={line.name} mode="aspectFill" style={{ width: 84, height: 84, borderRadius: 8, flexShrink: '0' }} />
              <view style={{ flex: '1', minWidth: 0, display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}>
                <view style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <text style={{ fontSize: 14, fontWeight: '600', color: colors.text }}>{line.name}</text>
                  <text
                    id={`line-${line.id}-remove`}
                    onTap="remove"
                    data={{ index, id: line.id }}
                    style={{ fontSize: 12, color: colors.muted, whiteSpace: 'nowrap' }}
                  >
                    Remove
                  </text>
                </view>
                <text style={{ fontSize: 12, color: colors.muted }}>{line.spec}</text>
                <view style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                  <Price id={`line-${line.id}-subtotal`} fen={line.price * line.qty} size={16} />
                  <Stepper id={`line-${line.id}-qty`} value={line.qty} min={1} max={MAX_QTY} onMinus="minus" onPlus="plus" data={{ index, id: line.id }} />
                </view>
              </view>
            </view>
          ))}
        </list>
        <view
          style={{ ...actionBar, justifyContent: 'flex-end' }}
        >
          <text style={{ fontSize: 14, color: colors.text }}>
            Total: <Price id="total" fen={total} size={20} />
          </text>
          <button id="checkout" kind="primary" loading={paying} disabled={paying} onTap="checkout" style={{ ...primaryButton, padding: '0 28px', height: 44, lineHeight: '44px', margin: 0 }}>
            Checkout ({count})
          </button>
        </view>
      </view>
    );
  },
});
