import { page, payments } from 'atrium';
import { Price } from '../components/price.tsx';
import { card, colors, primaryButton } from '../lib/theme.ts';

export default page({
  title: 'Payment',
  data: { orderId: '', amount: -1, paidAt: '' },

  async onLoad(query) {
    const orderId = query.orderId ?? '';
    this.setData({ orderId });
    if (!orderId) return;
    try {
      const order = await payments.getOrder({ orderId });
      this.setData({ amount: order.amount, paidAt: order.paidAt ?? '' });
    } catch {
      // The order number is all we need to show; the amount is a nicety.
    }
  },

  render() {
    const { orderId, amount, paidAt } = this.data;
    return (
      <view style={{ background: colors.page, minHeight: '100%', padding: 16 }}>
        <view style={{ ...card, padding: '36px 20px', textAlign: 'center' }}>
          <text
            style={{
              display: 'inline-block',
              width: 64,
              height: 64,
              lineHeight: '64px',
              borderRadius: 32,
              background: colors.primary,
              color: '#ffffff',
              fontSize: 34,
            }}
          >
            ✓
          </text>
          <text id="result-title" style={{ display: 'block', fontSize: 20, fontWeight: '600', color: colors.text, marginTop: 16 }}>
            Payment successful
          </text>
          {amount >= 0 ? (
            <view style={{ marginTop: 8 }}>
              <Price id="paid-amount" fen={amount} size={28} />
            </view>
          ) : null}
          <text style={{ display: 'block', fontSize: 13, color: colors.muted, marginTop: 12 }}>
            Thank you! We'll pack your order and ship it within 48 hours.
          </text>
        </view>
        <view style={{ ...card, marginTop: 12, padding: 16, fontSize: 13, color: colors.muted }}>
          <view style={{ display: 'flex', justifyContent: 'space-between' }}>
            <text>Order number</text>
            <text id="order-id" selectable style={{ color: colors.text }}>
              {orderId}
            </text>
          </view>
          {paidAt ? (
            <view style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
              <text>Paid at</text>
              <text style={{ color: colors.text }}>{paidAt.slice(0, 16).replace('T', ' ')} UTC</text>
            </view>
          ) : null}
        </view>
        <navigator
          id="continue-shopping"
          url="/pages/catalog"
          openType="switchTab"
          style={{ ...primaryButton, display: 'block', textAlign: 'center', marginTop: 24, padding: '12px 0', fontSize: 16 }}
        >
          Continue shopping
        </navigator>
      </view>
    );
  },
});
