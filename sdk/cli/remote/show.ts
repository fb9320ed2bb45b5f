import type { AppView, CheckResult, ReleaseState, VersionView } from './views.ts';

/** What a finding or reason is about: `pages/cart: `, `scope phone: `, or nothing. */
export function where(f: { page?: string; scope?: string }): string {
  return [f.page, f.scope && `scope ${f.scope}`].filter(Boolean).map((s) => `${s}: `).join('');
}

/**
 * `text` after `lead`, its further lines (a stack trace in a finding, say) indented `hang` spaces
 * further than the lead's own indent; blank lines dropped.
 */
export function hanging(lead: string, text: string, hang = 2): string[] {
  const [first = '', ...rest] = text.split('\n').map((l) => l.trimEnd()).filter((l, i) => i === 0 || l.trim());
  const pad = ' '.repeat(lead.length - lead.trimStart().length + hang);
  return [lead + first, ...rest.map((l) => pad + l.trim())];
}

/** Each check's outcome and title, then its findings beneath it. */
export function checkLines(checks: CheckResult[], indent = '  '): string[] {
  return checks.flatMap((c) => [
    `${indent}${c.outcome.padEnd(8)}${c.title}${c.summary ? `: ${c.summary}` : ''}`,
    ...c.findings.flatMap((f) => hanging(`${indent}${' '.repeat(8)}${f.severity}: `, `${where(f)}${f.message}`)),
  ]);
}

/** Which version everyone gets and which a gray share gets. */
export function releaseLines(r: ReleaseState | null, indent = '  '): string[] {
  if (!r) return [`${indent}nothing released yet`];
  return [`${indent}everyone  ${r.version}`, `${indent}gray      ${r.gray ? `${r.gray.version} to ${r.gray.percent}% of users` : 'none'}`];
}

/** `1.0.0`, `1.0.0 + gray 1.1.0 at 10%`, or `-`. */
export function liveSummary(r: ReleaseState | null): string {
  if (!r) return '-';
  return r.gray ? `${r.version} + gray ${r.gray.version} at ${r.gray.percent}%` : r.version;
}

export const statusText = (s: VersionView['status'] | AppView['status']): string => s.replace('_', ' ');

/** `full` → `live for everyone`; `gray` → `live for 10% (gray)`. */
export function liveText(v: VersionView): string | null {
  if (v.live === 'full') return 'live for everyone';
  if (v.live === 'gray') return `live for ${v.grayPercent}% (gray)`;
  return null;
}

/** An ISO time as `2025-03-01 09:30 UTC`. */
export const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Seconds as `42 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`. */
export function duration(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor(s / 60) % 60 ? ` ${Math.floor(s / 60) % 60} min` : ''}`;
  return `${Math.floor(s / 86400)} d${Math.floor(s / 3600) % 24 ? ` ${Math.floor(s / 3600) % 24} h` : ''}`;
}

/** Rows as columns padded to their widest cell. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 2))).join('').trimEnd());
}
