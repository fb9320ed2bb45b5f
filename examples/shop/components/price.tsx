import { splitPrice } from '../lib/money.ts';
import { colors } from '../lib/theme.ts';

/** A price the way Chinese shops draw it: red, a small ¥, large yuan, small fen. */
export function Price(props: { fen: number; size?: number; id?: string }) {
  const size = props.size ?? 18;
  const [yuan, fen] = splitPrice(props.fen);
  return (
    <text id={props.id} style={{ color: colors.price, fontWeight: '600' }}>
      <text style={{ fontSize: Math.round(size * 0.65) }}>¥</text>
      <text style={{ fontSize: size }}>{yuan}</text>
      <text style={{ fontSize: Math.round(size * 0.65) }}>{fen}</text>
    </text>
  );
}
