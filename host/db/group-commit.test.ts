import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { groupCommit, prepared, type Db } from './index.ts';

describe.each(testDatabases())('group commit and prepared queries on $name', (tdb) => {
  let db: Db<any>;
  beforeAll(async () => {
    db = await tdb.create();
    await db.kysely.schema.createTable('gc_items').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer', (c) => c.notNull().check(sql`n >= 0`)).execute();
  });
  afterAll(() => db.close());
  const ids = async () => (await db.kysely.selectFrom('gc_items').select('id').orderBy('id').execute()).map((r) => r.id);

  it('commits writes that arrive together, and rolls back only the one that failed', async () => {
    const write = groupCommit(db.kysely);
    const results = await Promise.allSettled([
      write((trx) => trx.insertInto('gc_items').values({ id: 'a', n: 1 }).execute()),
      write(async (trx) => {
        await trx.insertInto('gc_items').values({ id: 'b', n: 1 }).execute();
        throw new Error('changed my mind');
      }),
      write((trx) => trx.insertInto('gc_items').values({ id: 'c', n: -1 }).execute()),
      write((trx) => trx.insertInto('gc_items').values({ id: 'd', n: 2 }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(await ids()).toEqual(['a', 'd']);
  });

  it('runs again a write the database ended to break a deadlock, and only that one', async () => {
    const write = groupCommit(db.kysely);
    let tries = 0;
    const results = await Promise.all([
      write((trx) => trx.insertInto('gc_items').values({ id: 'r1', n: 1 }).execute().then(() => 'first')),
      write(async (trx) => {
        await trx.insertInto('gc_items').values({ id: 'r2', n: 1 }).execute();
        if (++tries === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        return 'second';
      }),
    ]);
    expect(results).toEqual(['first', 'second']);
    expect(tries).toBe(2);
    expect(await ids()).toEqual(expect.arrayContaining(['r1', 'r2']));
  });

  it('gives up on a write that loses every time, with busy, and keeps none of it', async () => {
    const write = groupCommit(db.kysely);
    const lost = write(async (trx) => {
      await trx.insertInto('gc_items').values({ id: 'lost', n: 1 }).execute();
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await expect(lost).rejects.toMatchObject({ code: 'busy' });
    expect(await ids()).not.toContain('lost');
  });

  it('answers each writer with its own result', async () => {
    const write = groupCommit(db.kysely);
    const got = await Promise.all([1, 2, 3].map((n) => write(async () => n * 10)));
    expect(got).toEqual([10, 20, 30]);
  });

  it('runs a prepared query with fresh values each time, the same value used twice included', async () => {
    const bump = prepared<[string, number], never>((d, id, n) =>
      d.insertInto('gc_items').values({ id, n }).onConflict((oc: any) => oc.column('id').doUpdateSet({ n: sql`gc_items.n + ${n}` })),
    );
    await bump(db.kysely, 'p', 5);
    await bump(db.kysely, 'p', 7);
    await bump(db.kysely, 'q', 1);
    const rows = await db.kysely.selectFrom('gc_items').selectAll().where('id', 'in', ['p', 'q']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, Number(r.n)])).toEqual([['p', 12], ['q', 1]]);
  });
});
