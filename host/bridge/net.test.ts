import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeContext } from './context.ts';
import { isForbiddenAddress, netBridge, type NetBridgeOptions, type Resolve } from './net/index.ts';

// A real HTTPS server on 127.0.0.1 with a throwaway certificate; the bridge reaches it by a name
// the injected resolver maps to 127.0.0.1, so nothing depends on DNS.
const name = 'api.example.test';
let server: Server;
let port: number;
let ca: string;
let connections = 0;
let paths: string[] = [];
const hanging = new Set<ServerResponse>();
let bigCancelled = false;

function route(req: IncomingMessage, res: ServerResponse): void {
  paths.push(req.url ?? '');
  switch (req.url) {
    case '/json':
      res.setHeader('x-test', 'yes');
      res.setHeader('set-cookie', 'sid=secret; HttpOnly');
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ ok: true, items: [1, 2] }));
      return;
    case '/echo':
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.headers));
      return;
    case '/redirect':
      res.statusCode = 302;
      res.setHeader('location', `https://${name}:${port}/json`);
      res.end();
      return;
    case '/hang':
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    case '/big':
      streamBig(res);
      return;
    case '/declared':
      res.setHeader('content-length', String(512 * 16 * 1024));
      streamBig(res);
      return;
    default:
      res.statusCode = 404;
      res.end();
  }
}

/** 8 MiB in 16 KiB chunks (chunked unless a length was set), minding backpressure; notes when the client hangs up before the end. */
function streamBig(res: ServerResponse): void {
  const chunk = Buffer.alloc(16 * 1024, 'x');
  let left = 512;
  res.on('close', () => {
    if (!res.writableFinished) bigCancelled = true;
  });
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      left--;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (left === 0) res.end();
  };
  pump();
}

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: name }, { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  ca = pems.cert;
  server = createServer({ key: pems.private, cert: pems.cert }, route);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  paths = [];
  bigCancelled = false;
});

const toLoopback: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];
const ctx = (sessionId = 's1'): BridgeContext => ({ sessionId, appId: 'app', appName: 'App', merchantId: 'm', userId: 'u', openid: 'o', versionId: 'v1', networkDomains: [], scene: null });

function bridge(over: Partial<NetBridgeOptions> = {}) {
  return netBridge({ dev: true, domains: () => [name], resolve: toLoopback, testCa: ca, ...over });
}

function get(path: string, extra: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
  return { url: `https://${name}:${port}${path}`, method: 'GET' as const, ...extra };
}

describe('net bridge', () => {
  it('in development, with the test CA, answers with the status, parsed JSON body and headers', async () => {
    const res = await bridge().request(ctx(), get('/json'));
    expect(res).toMatchObject({ status: 200, body: { ok: true, items: [1, 2] } });
    expect(res.headers['x-test']).toBe('yes');
  });

  it('does not pass set-cookie to the program', async () => {
    const res = await bridge().request(ctx(), get('/json'));
    expect(res.headers).not.toHaveProperty('set-cookie');
  });

  it('drops cookie, proxy-* and host from the request but keeps authorization', async () => {
    const headers = { Cookie: 'a=b', 'Proxy-Authorization': 'x', Host: 'evil.test', Authorization: 'Bearer t' };
    const res = await bridge().request(ctx(), get('/echo', { headers }));
    expect(res.body).toMatchObject({ authorization: 'Bearer t', host: `${name}:${port}` });
    expect(res.body).not.toHaveProperty('cookie');
    expect(res.body).not.toHaveProperty('proxy-authorization');
  });

  it('refuses a domain that is not allowlisted without opening a connection', async () => {
    const before = connections;
    const net = bridge({ domains: () => ['other.example.test'] });
    await expect(net.request(ctx(), get('/json'))).rejects.toMatchObject({ code: 'domain_not_allowed' });
    expect(connections).toBe(before);
  });

  it('outside development, refuses an allowlisted literal 127.0.0.1 without connecting', async () => {
    const before = connections;
    const net = bridge({ dev: false, domains: () => ['127.0.0.1'] });
    await expect(net.request(ctx(), { url: `https://127.0.0.1:${port}/json`, method: 'GET' })).rejects.toMatchObject({
      code: 'domain_not_allowed',
      message: expect.stringContaining('private or loopback'),
    });
    expect(connections).toBe(before);
  });

  it('outside development, refuses an allowlisted localhost (system resolver) without connecting', async () => {
    const before = connections;
    const net = bridge({ dev: false, domains: () => [`localhost:${port}`], resolve: undefined });
    await expect(net.request(ctx(), { url: `https://localhost:${port}/json`, method: 'GET' })).rejects.toMatchObject({
      code: 'domain_not_allowed',
    });
    expect(connections).toBe(before);
  });

  it('outside development, refuses an allowlisted name that resolves to 127.0.0.1 at connect time', async () => {
    const before = connections;
    await expect(bridge({ dev: false }).request(ctx(), get('/json'))).rejects.toMatchObject({
      code: 'domain_not_allowed',
      message: expect.stringContaining('127.0.0.1'),
    });
    expect(connections).toBe(before);
  });

  it('outside development, refuses the cloud metadata address', async () => {
    const net = bridge({ dev: false, domains: () => ['169.254.169.254'] });
    await expect(net.request(ctx(), { url: 'https://169.254.169.254/latest/meta-data/', method: 'GET' })).rejects.toMatchObject({
      code: 'domain_not_allowed',
    });
  });

  it('classifies private, loopback, link-local, CGNAT, multicast and their IPv6 forms as forbidden', () => {
    const forbidden = ['0.0.0.0', '10.1.2.3', '100.64.0.1', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1', '224.0.0.1', '255.255.255.255', '::', '::1', 'fc00::1', 'fd12::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '::ffff:10.0.0.1'];
    const allowed = ['8.8.8.8', '172.32.0.1', '100.128.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'];
    expect(forbidden.filter((a) => !isForbiddenAddress(a))).toEqual([]);
    expect(allowed.filter((a) => isForbiddenAddress(a))).toEqual([]);
  });

  it('refuses the 11th concurrent request of a session while 10 hang, and leaves other sessions alone', async () => {
    const net = bridge();
    const inFlight = Array.from({ length: 10 }, () => net.request(ctx('busy'), get('/hang', { timeoutMs: 15_000 })).catch((e: unknown) => e));
    await vi.waitFor(() => expect(hanging.size).toBe(10), { timeout: 10_000 });
    await expect(net.request(ctx('busy'), get('/json'))).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(net.request(ctx('other'), get('/json'))).resolves.toMatchObject({ status: 200 });
    for (const res of hanging) res.end('done');
    expect(await Promise.all(inFlight)).toHaveLength(10);
  });

  it('answers timeout when the server does not answer in time', async () => {
    await expect(bridge().request(ctx(), get('/hang', { timeoutMs: 200 }))).rejects.toMatchObject({ code: 'timeout' });
  });

  it('answers too_large for a body over the cap and cancels the download', async () => {
    const net = bridge({ maxResponseBytes: 64 * 1024 });
    await expect(net.request(ctx(), get('/big', { timeoutMs: 15_000 }))).rejects.toMatchObject({ code: 'too_large' });
    await vi.waitFor(() => expect(bigCancelled).toBe(true), { timeout: 10_000 });
  });

  it('answers too_large for a declared content-length over the cap and closes the connection', async () => {
    const net = bridge({ maxResponseBytes: 64 * 1024 });
    await expect(net.request(ctx(), get('/declared', { timeoutMs: 15_000 }))).rejects.toMatchObject({ code: 'too_large' });
    await vi.waitFor(() => expect(bigCancelled).toBe(true), { timeout: 10_000 });
  });

  it('returns a redirect to the program instead of following it', async () => {
    const res = await bridge().request(ctx(), get('/redirect'));
    expect(res).toMatchObject({ status: 302, headers: { location: `https://${name}:${port}/json` } });
    expect(paths).toEqual(['/redirect']);
  });

  it('answers network_error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `https://${name}:${freePort}/json`;
    await expect(bridge().request(ctx(), { url, method: 'GET' })).rejects.toMatchObject({ code: 'network_error' });
  });

  it('keeps certificate verification on: without the test CA the self-signed server is refused', async () => {
    await expect(bridge({ testCa: undefined }).request(ctx(), get('/json'))).rejects.toMatchObject({ code: 'network_error' });
  });
});
