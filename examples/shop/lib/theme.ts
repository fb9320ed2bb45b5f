/** The shop's colours and shared styles. Unitless values are strings: numbers mean pixels. */
export const colors = {
  primary: '#07c160',
  primaryDark: '#06a152',
  price: '#fa3c19',
  tag: '#ff7a00',
  text: '#1a1a1a',
  muted: '#8c8c8c',
  line: '#eeeeee',
  page: '#f5f5f5',
  card: '#ffffff',
} as const;

export const card = {
  background: colors.card,
  borderRadius: 12,
  overflow: 'hidden',
  boxShadow: '0 2px 8px rgba(0,0,0,0.06)',
} as const;

export const primaryButton = {
  background: colors.primary,
  color: '#ffffff',
  borderRadius: 22,
  fontWeight: '600',
} as const;

/** The bar fixed to the bottom of a page that holds its main action (checkout, add to cart). */
export const actionBar = {
  position: 'fixed',
  left: 0,
  right: 0,
  bottom: 0,
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  padding: '10px 16px',
  background: colors.card,
  borderTop: `1px solid ${colors.line}`,
} as const;
