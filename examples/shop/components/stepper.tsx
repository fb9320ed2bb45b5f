import type { Handler, Json } from 'atrium';
import { colors } from '../lib/theme.ts';

const key = {
  width: 28,
  height: 28,
  padding: 0,
  margin: 0,
  lineHeight: '28px',
  fontSize: 16,
  textAlign: 'center',
  background: '#f2f2f2',
  color: colors.text,
  border: 'none',
  borderRadius: 6,
} as const;

/** A − n + quantity control; the ends disable themselves at `min` and `max`. */
export function Stepper(props: { id: string; value: number; min: number; max: number; onMinus: Handler; onPlus: Handler; data?: Json }) {
  const { id, value, min, max, data } = props;
  return (
    <view id={id} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
      <button id={`${id}-minus`} size="mini" style={key} disabled={value <= min} onTap={props.onMinus} data={data}>
        −
      </button>
      <text id={`${id}-value`} style={{ minWidth: 32, textAlign: 'center', fontSize: 15, fontWeight: '600' }}>
        {value}
      </text>
      <button id={`${id}-plus`} size="mini" style={key} disabled={value >= max} onTap={props.onPlus} data={data}>
        +
      </button>
    </view>
  );
}
