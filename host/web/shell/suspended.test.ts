import { describe, expect, it } from 'vitest';
import { suspendedReason } from './suspended.ts';

describe('the reason a mini-program is suspended', () => {
  it('is the platform reason in the details of an app_suspended error', () => {
    expect(suspendedReason({ code: 'app_suspended', message: 'Shop has been suspended by the platform: Fake tea', details: { name: 'Shop', reason: 'Fake tea' } })).toBe('Fake tea');
    // The end of a live session carries it too.
    expect(suspendedReason({ code: 'app_suspended', message: 'm', details: { reason: ' Fake tea ' } })).toBe('Fake tea');
  });

  it('falls back to the message when no reason came with it', () => {
    expect(suspendedReason({ code: 'app_suspended', message: 'Shop has been suspended by the platform.' })).toBe('Shop has been suspended by the platform.');
    expect(suspendedReason({ code: 'app_suspended', message: '', details: { reason: 42 } })).toBe('No reason was given.');
  });

  it('is null for any other error', () => {
    expect(suspendedReason({ code: 'cpu_exceeded', message: 'too slow' })).toBeNull();
    expect(suspendedReason(null)).toBeNull();
    expect(suspendedReason(undefined)).toBeNull();
  });
});
