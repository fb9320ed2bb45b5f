import { colors } from '../lib/theme.ts';

/** A small orange badge like "Hot" or "New" before a product name. */
export function Tag(props: { label: string }) {
  return (
    <text
      style={{
        fontSize: 10,
        color: '#ffffff',
        background: props.label === 'New' ? colors.primary : colors.tag,
        borderRadius: 3,
        padding: '1px 4px',
        marginRight: 4,
        fontWeight: 'normal',
      }}
    >
      {props.label}
    </text>
  );
}
