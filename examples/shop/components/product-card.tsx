import { soldLabel, type Product } from '../lib/products.ts';
import { card, colors } from '../lib/theme.ts';
import { Price } from './price.tsx';
import { Tag } from './tag.tsx';

/** A catalog tile: image, name, spec and price; tapping it opens the product page. */
export function ProductCard(props: { product: Product }) {
  const p = props.product;
  return (
    <navigator id={`product-${p.id}`} url={`/pages/product?id=${p.id}`} style={{ ...card, width: '48.5%', marginBottom: 10 }}>
      <image src={p.image} alt={p.name} mode="aspectFill" style={{ width: '100%', height: 150, background: colors.line }} />
      <view style={{ padding: 10 }}>
        <text style={{ display: 'block', fontSize: 14, fontWeight: '600', color: colors.text, lineHeight: '20px' }}>
          {p.tag ? <Tag label={p.tag} /> : null}
          {p.name}
        </text>
        <text style={{ display: 'block', fontSize: 12, color: colors.muted, marginTop: 2 }}>{p.spec}</text>
        <view style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', marginTop: 8 }}>
          <Price fen={p.price} size={17} />
          <text style={{ fontSize: 11, color: colors.muted }}>{soldLabel(p.sold)}</text>
        </view>
      </view>
    </navigator>
  );
}
