/** Prices are integer fen (1/100 yuan), as the payments API takes them. */

/** `1234567` → `'12,345'`: the yuan part with thousands separators (no Intl in the sandbox). */
function yuanPart(fen: number): string {
  return String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fenPart(fen: number): string {
  return String(fen % 100).padStart(2, '0');
}

/** `1250` → `¥12.50`. */
export function formatPrice(fen: number): string {
  return `¥${yuanPart(fen)}.${fenPart(fen)}`;
}

/** `1250` → `['12', '.50']`, for prices drawn with a large yuan part and a small fen part. */
export function splitPrice(fen: number): [string, string] {
  return [yuanPart(fen), '.' + fenPart(fen)];
}
