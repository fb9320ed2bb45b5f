import { Kysely, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';

/** Thrown by every statement of a process that has "crashed". */
export class Crash extends Error {
  constructor() {
    super('the process crashed here (injected)');
  }
}

/**
 * One life of a process that can be killed at a chosen statement: a Kysely over `dialect` whose
 * statements all fail once the crash has happened. What the process had not committed is rolled
 * back, as the server does when a connection drops; what it committed stays. A crash that falls
 * on a commit lets the commit through and loses its answer, the other way a crash meets a write.
 */
export interface ProcessLife {
  kysely: Kysely<any>;
  /** Crashes at the `n`th statement from now (1 is the next one). */
  crashAfter(n: number): void;
  readonly crashed: boolean;
  /** Closes this life's connections, leaving the database. */
  end(): Promise<void>;
}

export function processLife(dialect: Dialect): ProcessLife {
  const state = { countdown: Infinity, crashed: false };
  /** Counts a statement; true when this one is the crash. */
  const due = (): boolean => {
    if (state.crashed) throw new Crash();
    if (--state.countdown > 0) return false;
    state.crashed = true;
    return true;
  };
  const inner = dialect.createDriver();
  const connections = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const innerOf = (c: DatabaseConnection) => connections.get(c) ?? c;

  const driver: Driver = {
    init: () => inner.init(),
    async acquireConnection() {
      if (state.crashed) throw new Crash();
      const c = await inner.acquireConnection();
      const wrapped: DatabaseConnection = {
        executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
          if (due()) throw new Crash();
          return c.executeQuery<R>(q);
        },
        streamQuery<R>(q: CompiledQuery, chunkSize?: number) {
          if (due()) throw new Crash();
          return c.streamQuery<R>(q, chunkSize);
        },
      };
      connections.set(wrapped, c);
      return wrapped;
    },
    async beginTransaction(c: DatabaseConnection, settings: TransactionSettings) {
      if (due()) throw new Crash();
      await inner.beginTransaction(innerOf(c), settings);
    },
    async commitTransaction(c: DatabaseConnection) {
      if (state.crashed) {
        // A dead process commits nothing: the server rolls its transaction back.
        await inner.rollbackTransaction(innerOf(c));
        throw new Crash();
      }
      const lastWords = due();
      await inner.commitTransaction(innerOf(c));
      if (lastWords) throw new Crash();
    },
    async rollbackTransaction(c: DatabaseConnection) {
      try {
        await inner.rollbackTransaction(innerOf(c));
      } catch (e) {
        // After a commit whose answer was lost there is nothing left to roll back.
        throw state.crashed ? new Crash() : e;
      }
    },
    releaseConnection: (c: DatabaseConnection) => inner.releaseConnection(innerOf(c)),
    destroy: () => inner.destroy(),
  };

  const kysely = new Kysely<any>({
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  });
  return {
    kysely,
    crashAfter(n) {
      state.countdown = n;
    },
    get crashed() {
      return state.crashed;
    },
    end: () => kysely.destroy(),
  };
}
