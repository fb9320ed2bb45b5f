import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatSizeDelta, plural, secondsBetween, timeAgo } from './format.ts';

describe('formatting for people', () => {
  it('writes a duration in its two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(59 * 60 + 59)).toBe('59 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(2 * 3600 + 5 * 60 + 9)).toBe('2 h 5 min');
    expect(formatDuration(86_400)).toBe('1 d');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 120)).toBe('3 d 4 h');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('counts seconds between times and says how long ago', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');
    expect(secondsBetween('2026-03-12T11:58:30Z', now)).toBe(90);
    expect(secondsBetween('2026-03-12T11:00:00Z', '2026-03-12T12:30:00Z')).toBe(5400);
    // A clock a little ahead of the reader's never makes a negative age.
    expect(secondsBetween('2026-03-12T12:00:05Z', now)).toBe(0);
    expect(timeAgo('2026-03-12T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-03-12T09:55:00Z', now)).toBe('2 h 5 min ago');
  });

  it('writes sizes as the checks count them, and size changes with a sign', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1434)).toBe('1.4 KiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(412 * 1024 + 100)).toBe('412 KiB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MiB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MiB');
    expect(formatSizeDelta(12 * 1024)).toBe('+12 KiB');
    expect(formatSizeDelta(-3 * 1024)).toBe('−3 KiB');
    expect(formatSizeDelta(0)).toBe('no change');
  });

  it('writes a date in the locale, and keeps text it cannot read', () => {
    expect(formatDateTime('2026-03-12T14:05:00Z', 'en-GB')).toMatch(/12 Mar 2026/);
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('counts things', () => {
    expect(plural(1, 'version')).toBe('1 version');
    expect(plural(3, 'version')).toBe('3 versions');
    expect(plural(2, 'category', 'categories')).toBe('2 categories');
  });
});
