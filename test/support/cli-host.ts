import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { main } from '../../sdk/cli/main.ts';

/**
 * For tests of the lifecycle commands: a real host in-process on a fresh database, with a
 * merchant signed up and an admin made, and `atrium` run against it with an environment and
 * standard input of the test's own (process.env is never read or changed).
 */
export interface TestHost {
  url: string;
  merchant: { email: string; password: string };
  /** A fresh config directory each call: a machine nobody has signed in on. */
  freshConfig(): string;
  /** `atrium <argv>` with ATRIUM_CONFIG_DIR = `configDir` (and `env`), `stdin` as standard input. */
  atrium(argv: string[], options: { configDir: string; stdin?: string; env?: Record<string, string> }): Promise<CliResult>;
  /** A JSON call to the host; `token` as a bearer token. */
  call<T = any>(path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Approves a version as the admin, as a reviewer in the console would. */
  approve(appId: string, version: string): Promise<void>;
  close(): Promise<void>;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

const admin = { email: 'reviewer@example.com', password: 'a long reviewer password' };

export async function startTestHost(): Promise<TestHost> {
  const root = mkdtempSync(join(tmpdir(), 'atrium-cli-host-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: join(root, 'data'),
    PORT: '0',
    ATRIUM_SHARDS: '1',
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_ADMIN_EMAIL: admin.email,
    ATRIUM_ADMIN_PASSWORD: admin.password,
  });
  const platform: Platform = await startPlatform(config, { log: () => {} });
  let configs = 0;

  async function call<T>(path: string, body?: unknown, token?: string) {
    const res = await fetch(platform.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  const merchant = { email: 'mei@example.com', password: 'correct horse battery' };
  const signup = await call('/api/auth/signup', { ...merchant, displayName: 'Mei', kind: 'merchant' });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const adminToken = (await call<{ token: string }>('/api/auth/login', { ...admin, kind: 'admin' })).body.token;
  const merchantToken = (await call<{ token: string }>('/api/auth/login', { ...merchant, kind: 'merchant' })).body.token;

  return {
    url: platform.url,
    merchant,
    freshConfig: () => join(root, `config-${++configs}`),
    async atrium(argv, { configDir, stdin, env }) {
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        out: (l: string) => void out.push(l),
        err: (l: string) => void err.push(l),
        env: { ATRIUM_CONFIG_DIR: configDir, ...env },
        stdin: Readable.from(stdin === undefined ? [] : [stdin]),
      };
      const code = await main(argv, io);
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    call,
    async approve(appId, version) {
      const { body } = await call<{ versions: { id: string; version: string }[] }>(`/api/merchant/apps/${appId}/versions`, undefined, merchantToken);
      const v = body.versions.find((x) => x.version === version);
      if (!v) throw new Error(`no version ${version} of ${appId}`);
      const res = await call(`/api/admin/reviews/${v.id}/approve`, {}, adminToken);
      if (res.status !== 200) throw new Error(`approve failed: ${JSON.stringify(res.body)}`);
    },
    async close() {
      await platform.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
