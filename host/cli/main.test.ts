import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { connect } from '../db/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'atrium-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('atrium-host admin create', () => {
  it('makes an admin in the host\'s database', async () => {
    const t = io();
    expect(await main(['admin', 'create', '--email', 'root@example.com', '--password', 'a long admin password', '--data-dir', dir], t.io)).toBe(0);
    expect(t.out).toEqual(['Created admin root@example.com']);
    const db = connect<any>({ databaseUrl: null, dataDir: dir });
    const row = await db.kysely.selectFrom('identity_accounts').where('kind', '=', 'admin').select(['email']).executeTakeFirst();
    await db.close();
    expect(row?.email).toBe('root@example.com');
  });

  it('refuses a second admin with the same email, with a clear error', async () => {
    const t = io();
    expect(await main(['admin', 'create', '--email', 'root@example.com', '--password', 'another long password', '--data-dir', dir], t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(/conflict/);
  });

  it('refuses a short password and makes nothing', async () => {
    const t = io();
    expect(await main(['admin', 'create', '--email', 'short@example.com', '--password', 'short', '--data-dir', dir], t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(/10 characters|invalid/);
  });

  it('says what it takes when the email is missing', async () => {
    const t = io();
    expect(await main(['admin', 'create', '--data-dir', dir], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/--email is required/);
  });
});
