/** @jsxImportSource preact */
/** A state in a coloured chip, and an amount of money, the same on every page. */
import { formatMoney } from '../../../lib/money.ts';
import type { Label } from '../common/orders.ts';
import { useSite } from './site.tsx';

export type { Label, Tone } from '../common/orders.ts';

/** `<StatusChip label={orderStatusLabel(o.status)} />` */
export function StatusChip({ label, testid }: { label: Label; testid?: string }) {
  const { chip } = useSite().look;
  return (
    <span class={`${chip} ${chip}-${label.tone}`} data-testid={testid}>
      {label.text}
    </span>
  );
}

/** An amount in minor units, written for its currency: `¥96.00`. */
export function Money({ amount, currency, class: cls }: { amount: number; currency: string; class?: string }) {
  return <span class={cls}>{formatMoney(amount, currency)}</span>;
}
