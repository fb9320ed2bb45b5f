import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { forUpdate, transact, type Db } from './index.ts';

describe.each(testDatabases())('transactions on $name', (tdb) => {
  let db: Db<any>;
  beforeAll(async () => {
    db = await tdb.create();
    await db.kysely.schema.createTable('tx_rows').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer', (c) => c.notNull()).execute();
    await db.kysely.insertInto('tx_rows').values([{ id: 'a', n: 0 }, { id: 'b', n: 0 }]).execute();
  });
  afterAll(() => db.close());
  const n = async (id: string) => Number((await db.kysely.selectFrom('tx_rows').select('n').where('id', '=', id).executeTakeFirstOrThrow()).n);
  const bump = (trx: any, id: string) => trx.updateTable('tx_rows').set({ n: sql`n + 1` }).where('id', '=', id).execute();

  it('answers busy, having changed nothing, when every attempt loses a race', async () => {
    let attempts = 0;
    const work = transact(db.kysely, async (trx) => {
      attempts++;
      await bump(trx, 'a');
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await expect(work).rejects.toMatchObject({ code: 'busy' });
    expect(attempts).toBeGreaterThan(1);
    expect(await n('a')).toBe(0);
  });

  it('passes any other error on at once, without trying again', async () => {
    let attempts = 0;
    await expect(transact(db.kysely, async () => {
      attempts++;
      throw new Error('not a race');
    })).rejects.toThrow('not a race');
    expect(attempts).toBe(1);
  });

  it("joins the caller's transaction instead of opening one, so both commit or neither does", async () => {
    await expect(db.kysely.transaction().execute(async (outer) => {
      await transact(outer, (trx) => bump(trx, 'b'));
      throw new Error('the caller changed its mind');
    })).rejects.toThrow();
    expect(await n('b')).toBe(0);
  });

  it('reads a row for update on either engine', async () => {
    const row = await transact(db.kysely, (trx) => forUpdate(trx, trx.selectFrom('tx_rows').selectAll().where('id', '=', 'b')).executeTakeFirst());
    expect(row).toMatchObject({ id: 'b' });
  });
});

// Two connections that really wait for each other need a server: SQLite and PGlite serialise
// whole transactions, so they cannot deadlock.
const server = testDatabases().find((d) => d.name === 'postgres');

describe.runIf(server)('transactions that deadlock on a PostgreSQL server', () => {
  let db: Db<any>;
  beforeAll(async () => {
    db = await server!.create();
    await db.kysely.schema.createTable('tx_rows').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer', (c) => c.notNull()).execute();
    await db.kysely.insertInto('tx_rows').values([{ id: 'a', n: 0 }, { id: 'b', n: 0 }]).execute();
  });
  afterAll(() => db?.close());

  it('both commit when each locked what the other wants next: the one the server ends runs again', async () => {
    let arrived = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((r) => (release = r));
    const attempts = { ab: 0, ba: 0 };
    const crosswise = (first: string, second: string, name: 'ab' | 'ba') =>
      transact(db.kysely, async (trx) => {
        attempts[name]++;
        await trx.updateTable('tx_rows').set({ n: sql`n + 1` }).where('id', '=', first).execute();
        // Only the first attempts meet in the middle; a retry goes straight through.
        if (attempts[name] === 1) {
          if (++arrived === 2) release();
          await bothHoldOne;
        }
        await trx.updateTable('tx_rows').set({ n: sql`n + 1` }).where('id', '=', second).execute();
      });
    await Promise.all([crosswise('a', 'b', 'ab'), crosswise('b', 'a', 'ba')]);
    const rows = await db.kysely.selectFrom('tx_rows').select(['id', 'n']).orderBy('id').execute();
    expect(rows.map((r) => Number(r.n))).toEqual([2, 2]);
    expect(attempts.ab + attempts.ba).toBe(3);
  });
});
