import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../host/db/index.ts';
import { checkBooks } from '../../host/modules/payments/ledger.ts';

const child = join(import.meta.dirname, 'crash-child.ts');
const engines = [{ name: 'sqlite', url: '' }, ...(process.env.ATRIUM_TEST_PG_URL ? [{ name: 'postgres', url: process.env.ATRIUM_TEST_PG_URL }] : [])];

/** Starts the paying process and SIGKILLs it once it has paid `after` orders. */
function payUntilKilled(dataDir: string, url: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dataDir, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let paid = 0;
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line.startsWith('paid ')) paid = Number(line.slice(5));
      if (paid >= after && !p.killed) p.kill('SIGKILL');
    });
    p.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(paid) : reject(new Error(`the child exited (${code}) before it was killed: ${err}`))));
  });
}

describe.each(engines)('a process killed mid-payment on $name', ({ name, url }) => {
  const dirs: string[] = [];
  let db: Db<any> | null = null;
  let schema: string | null = null;
  afterAll(async () => {
    if (schema) await sql.raw(`drop schema ${schema} cascade`).execute(db!.kysely);
    await db?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('restarts with books that balance, and every paid order has exactly its payment and its event', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'atrium-crash-'));
    dirs.push(dataDir);
    let schemaUrl = url;
    if (name === 'postgres') {
      // A schema of its own on the shared server.
      schema = `crash_${Date.now().toString(36)}`;
      const admin = connect<any>({ dataDir, databaseUrl: url });
      await sql.raw(`create schema ${schema}`).execute(admin.kysely);
      await admin.close();
      schemaUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    const acknowledged = await payUntilKilled(dataDir, schemaUrl, 300);
    db = connect<any>({ dataDir, databaseUrl: schemaUrl || null });
    const books = await checkBooks(db.kysely);
    expect(books.negative).toEqual([]);
    expect(books.drift).toEqual([]);
    expect(Object.values(books.sums).every((s) => s === 0)).toBe(true);
    const paid = await db.kysely.selectFrom('pay_orders').select('id').where('paid_at', 'is not', null).execute();
    const payments = await db.kysely.selectFrom('pay_transfers').select('order_id').where('kind', '=', 'payment').execute();
    const events = await db.kysely.selectFrom('webhook_events').select('payload').where('type', '=', 'order.paid').execute();
    // Every payment the process acknowledged survived; nothing half-done did.
    expect(paid.length).toBeGreaterThanOrEqual(acknowledged);
    expect(payments.map((p) => p.order_id).sort()).toEqual(paid.map((p) => p.id).sort());
    expect(events.map((e) => JSON.parse(e.payload).data.orderId).sort()).toEqual(paid.map((p) => p.id).sort());
  }, 60_000);
});
