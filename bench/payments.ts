/**
 * Confirmed payments per second through the payments service (issue: payments), on SQLite and on
 * PostgreSQL, each beside a bare one-row insert transaction on the same database in the same run.
 * Orders are made beforehand; what is timed is the payment: PIN check, order claim, the ledger
 * transfer into held funds and the outbox event, in one transaction.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrate, open, postgresDialect, sqliteDialect, type Db } from '../host/db/index.ts';
import { createPayments, paymentsMigrations, simulatedCards, simulatedProvider } from '../host/modules/payments/index.ts';
import { webhooksMigrations } from '../host/modules/webhooks/migrations.ts';
import { printFigures, type Figure } from './stats.ts';

const PIN = '864209';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

/** Runs `n` tasks with at most `concurrency` in flight; resolves to operations per second. */
async function rate(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return n / ((performance.now() - t) / 1000);
}

async function bareInsertRate(db: Kysely<any>, n: number): Promise<number> {
  await db.schema.createTable('bench_bare').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()).addColumn('v', 'bigint').execute();
  return rate(n, CONCURRENCY, (i) => db.transaction().execute((trx) => trx.insertInto('bench_bare').values({ id: `b${i}-${Math.random()}`, v: i }).execute()));
}

async function paymentRate(db: Kysely<any>, n: number): Promise<number> {
  await migrate(db, [paymentsMigrations, webhooksMigrations]);
  const pay = createPayments({ db, mac: (m) => createHmac('sha256', 'bench').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60 });
  const users = Array.from({ length: CONCURRENCY }, (_, i) => `bench-user-${i}`);
  for (const u of users) {
    await pay.wallet.setPin(u, PIN);
    await pay.wallet.topUp(u, { amount: 5_000_000, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: `fund-${u}` });
  }
  const orders: { user: string; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const user = users[i % users.length]!;
    const o = await pay.orders.create({ appId: 'bench', merchantId: `bench-merchant-${i % 8}`, userId: user }, { items: [{ sku: 's', name: 'Tea', quantity: 1, unitAmount: 1_00 }], currency: 'CNY', holdUntilReceipt: true });
    orders.push({ user, id: o.orderId });
  }
  const r = await rate(n, CONCURRENCY, async (i) => pay.checkout.pay(orders[i]!.user, orders[i]!.id, PIN));
  const books = await pay.checkBooks();
  if (books.negative.length || books.drift.length || Object.values(books.sums).some((s) => s !== 0)) throw new Error('the books do not balance after the bench');
  return r;
}

async function measure(name: string, make: () => Promise<Db<any>>, n: number, target?: number): Promise<Figure[]> {
  const bareDb = await make();
  const bare = await bareInsertRate(bareDb.kysely, n);
  await bareDb.close();
  const payDb = await make();
  const payments = await paymentRate(payDb.kysely, n);
  await payDb.close();
  return [
    {
      name: `confirmed payments/s (${name})`,
      value: payments,
      unit: '/s',
      baseline: { name: 'bare insert transaction', value: bare },
      ...(target ? { target: { kind: 'min' as const, value: target } } : {}),
    },
    { name: `payments vs bare insert (${name})`, value: (payments / bare) * 100, unit: '%', ...(target ? { target: { kind: 'min' as const, value: 20 } } : {}) },
  ];
}

export async function runPaymentsBench(): Promise<void> {
  const dirs: string[] = [];
  const sqlite = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-pay-'));
    dirs.push(dir);
    return open<any>(sqliteDialect(join(dir, 'bench.db')), 'sqlite');
  };
  const figures = await measure('SQLite', sqlite, 20_000, 5_000);
  const pgUrl = process.env.ATRIUM_BENCH_PG_URL ?? process.env.ATRIUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const postgres = async () => {
    const schema = `bench_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    const admin = open<any>(postgresDialect(pgUrl, { max: 1 }), 'postgres');
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    await admin.close();
    const db = open<any>(postgresDialect(pgUrl, { schema, max: 16 }), 'postgres');
    return { ...db, close: async () => { await sql.raw(`drop schema ${schema} cascade`).execute(db.kysely); await db.close(); } };
  };
  try {
    figures.push(...(await measure('PostgreSQL', postgres, 5_000)));
  } catch (e) {
    console.log(`(PostgreSQL at ${pgUrl} is not reachable: ${(e as Error).message}; its figures are skipped)`);
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  printFigures('Payments', figures);
}
