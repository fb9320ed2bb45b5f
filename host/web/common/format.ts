/**
 * How Atrium's own pages write times, durations and sizes for people. Pure (no DOM), tested in Node.
 */

/** A span of seconds in its two largest units: `45 s`, `3 min`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Seconds between two ISO times (never negative). */
export function secondsBetween(fromIso: string, to: number | string = Date.now()): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return Math.max(0, Math.round((end - Date.parse(fromIso)) / 1000));
}

/** `just now`, `5 min ago`, `2 h 5 min ago`. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const s = secondsBetween(iso, now);
  return s < 45 ? 'just now' : `${formatDuration(s)} ago`;
}

/** Bytes the way the checks count them: `512 B`, `1.4 KiB`, `412 KiB`, `1.5 MiB`. */
export function formatBytes(bytes: number): string {
  const n = Math.abs(bytes);
  if (n < 1024) return `${n} B`;
  if (n < 10 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** A size change with its sign: `+12 KiB`, `−3 KiB`, `no change`. */
export function formatSizeDelta(delta: number): string {
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatBytes(delta)}`;
}

/** A date and time in the reader's locale, e.g. `12 Mar 2026, 14:05`; the ISO text if unreadable. */
export function formatDateTime(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** `1 version`, `3 versions`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
