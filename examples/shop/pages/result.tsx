import { isAtriumError, page, payments, subscribe, ui } from 'atrium';
import { Price } from '../components/price.tsx';
import { card, colors, primaryButton } from '../lib/theme.ts';

/** The template the shop's backend sends when it marks the order shipped (atrium.json). */
const SHIPPED = 'order-shipped';

export default page({
  title: 'Payment',
  data: { orderId: '', amount: -1, paidAt: '', status: '', subscribed: false },

  async onLoad(query) {
    const orderId = query.orderId ?? '';
    this.setData({ orderId });
    if (!orderId) return;
    try {
      const order = await payments.getOrder({ orderId });
      this.setData({ amount: order.amount, paidAt: order.paidAt ?? '', status: order.status });
    } catch {
      // The order number is all we need to show; the amount is a nicety.
    }
  },

  /**
   * The host asks the user in its own prompt; one acceptance lets the backend send one message.
   * The request must be the handler's first host call: the host only answers it from the tap.
   */
  async notifyWhenShipped() {
    try {
      const { results } = await subscribe.requestSubscribe({ templateIds: [SHIPPED] });
      if (results[SHIPPED] !== 'accept') return;
      this.setData({ subscribed: true });
      void ui.toast({ title: "We'll tell you when it ships" });
    } catch (e) {
      void ui.toast({ title: isAtriumError(e) ? e.message : 'Could not ask for notifications', icon: 'error' });
    }
  },

  render() {
    const { orderId, amount, paidAt, status, subscribed } = this.data;
    // Opened from the shipping notice, the order has moved on: say so, and ask nothing more.
    const shipped = status === 'shipped' || status === 'completed';
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
            {shipped ? 'Your order is on its way' : 'Payment successful'}
          </text>
          {amount >= 0 ? (
            <view style={{ marginTop: 8 }}>
              <Price id="paid-amount" fen={amount} size={28} />
            </view>
          ) : null}
          <text style={{ display: 'block', fontSize: 13, color: colors.muted, marginTop: 12 }}>
            {shipped ? 'It left our tea house and is with the carrier.' : "Thank you! We'll pack your order and ship it within 48 hours."}
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
        {shipped ? null : subscribed ? (
          <text id="ship-notice" style={{ display: 'block', textAlign: 'center', marginTop: 16, fontSize: 13, color: colors.primary }}>
            We'll message you when it ships
          </text>
        ) : (
          <button id="notify-shipped" onTap="notifyWhenShipped" style={{ marginTop: 16, height: 40, lineHeight: '40px', borderRadius: 20, fontSize: 15 }}>
            Tell me when it ships
          </button>
        )}
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
