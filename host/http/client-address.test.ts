import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readClientAddress } from './client-address.ts';
import type { AppEnv } from './env.ts';

function seenAs(trustedProxies: number, socket: string, forwardedFor?: string): Promise<string> {
  const app = new Hono<AppEnv>();
  app.use('*', readClientAddress(trustedProxies));
  app.get('/', (c) => c.text(c.get('clientAddress')));
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return Promise.resolve(app.request('/', { headers }, { incoming: { socket: { remoteAddress: socket } } })).then((r) => r.text());
}

describe("the caller's address", () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', async () => {
    expect(await seenAs(0, '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
  });

  it('is what the trusted proxy saw, not what the client wrote before it', async () => {
    // The client wrote 1.1.1.1 itself; the proxy at 10.0.0.2 appended the address it saw.
    expect(await seenAs(1, '10.0.0.2', '1.1.1.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await seenAs(2, '10.0.0.3', '1.1.1.1, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
  });

  it('is the socket address when the forwarded entry is not an address', async () => {
    expect(await seenAs(1, '10.0.0.2', 'unknown')).toBe('10.0.0.2');
  });
});
