import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely';

type Executor = Kysely<any> | Transaction<any>;
type Slot = { arg: number } | { value: unknown };

const marker = (i: number) => `\u0000atrium-arg-${i}\u0000`;

/**
 * A query built and compiled once per dialect, then run with fresh values: building and compiling
 * a Kysely query costs several times what running a small statement does, which matters on the
 * few hot paths (a payment) and nowhere else. `build` receives stand-ins for its arguments and
 * must pass them through as values (a where value, a set value, an insert value, a `sql`
 * parameter), never inspect them.
 *
 * @example
 * const byId = prepared((db, id) => db.selectFrom('pay_orders').selectAll().where('id', '=', id));
 * const { rows } = await byId(trx, orderId);
 */
export function prepared<A extends unknown[], R>(build: (db: Kysely<any>, ...args: { [K in keyof A]: any }) => Compilable<R>) {
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: Slot[] }>();
  return function run(db: Executor, ...args: A): Promise<QueryResult<R>> {
    const adapter = db.getExecutor().adapter;
    let entry = compiled.get(adapter);
    if (!entry) {
      const query = build(db as Kysely<any>, ...(args.map((_, i) => marker(i)) as any)).compile();
      const slots = query.parameters.map<Slot>((p) => {
        const i = typeof p === 'string' ? args.findIndex((_, j) => p === marker(j)) : -1;
        return i >= 0 ? { arg: i } : { value: p };
      });
      entry = { query, slots };
      compiled.set(adapter, entry);
    }
    const parameters = entry.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return db.executeQuery<R>({ ...entry.query, parameters });
  };
}
