import { createInterface } from 'node:readline/promises';
import { AtriumError } from '../../sdk/contract/errors.ts';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { createIdentity, identityMigrations } from '../modules/identity/index.ts';

/** Where an operator command writes: the terminal, or a test's buffer. */
export interface HostIo {
  out(line: string): void;
  err(line: string): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The first line of standard input, so a password stays out of the process list. */
export async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/**
 * Makes an admin account in the host's database (the one `npm start` uses: ATRIUM_DATA_DIR /
 * ATRIUM_DATABASE_URL, or `dataDir`). Resolves to the exit code; what went wrong is written to
 * `io.err` in words, with the stable error code.
 */
export async function adminCreate(input: { email: string; password: string; dataDir?: string }, io: HostIo): Promise<number> {
  let config;
  try {
    config = loadConfig({ ...process.env, ...(input.dataDir ? { ATRIUM_DATA_DIR: input.dataDir } : {}) });
  } catch (e) {
    io.err(`atrium-host admin create: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const db = connect<any>(config);
  try {
    await migrate(db.kysely, [identityMigrations]);
    const identity = await createIdentity({ db: db.kysely, dataDir: config.dataDir });
    const admin = await identity.createAdmin(input.email, input.password);
    io.out(`Created admin ${admin.email}`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof AtriumError) {
      io.err(`atrium-host admin create: ${e.message} (${e.code})`);
      return EXIT.failed;
    }
    throw e;
  } finally {
    await db.close();
  }
}
