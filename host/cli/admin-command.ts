import { createInterface } from 'node:readline/promises';
import { AtriumError } from '../../sdk/contract/index.ts';
import { EXIT, type Command } from '../../sdk/cli/command.ts';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { createIdentity, identityMigrations } from '../modules/identity/index.ts';

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/**
 * `atrium admin create --email E [--password P]`: makes an admin account in the host's database
 * (the one `npm start` uses: ATRIUM_DATA_DIR / ATRIUM_DATABASE_URL). Without --password the
 * password is read from the first line of standard input, so it stays out of the process list.
 */
export const adminCommand: Command = {
  name: 'admin',
  summary: 'manage the host\'s admin accounts (admin create)',
  usage: 'atrium admin create --email <email> [--password <password>] [--data-dir ./data]',
  details: [
    '  --email       the admin\'s email',
    '  --password    at least 10 characters; read from standard input when left out',
    '  --data-dir    the host\'s data directory (default: ATRIUM_DATA_DIR or ./data)',
  ],
  options: { email: { type: 'string' }, password: { type: 'string' }, 'data-dir': { type: 'string' } },
  maxPositionals: 1,
  async run(positionals, values, io) {
    if (positionals[0] !== 'create') {
      io.err('atrium admin: the only subcommand is "create" (atrium admin create --email <email>)');
      return EXIT.usage;
    }
    if (typeof values.email !== 'string') {
      io.err('atrium admin create: --email is required');
      return EXIT.usage;
    }
    const password = typeof values.password === 'string' ? values.password : await readPassword();
    let config;
    try {
      config = loadConfig({ ...process.env, ...(typeof values['data-dir'] === 'string' ? { ATRIUM_DATA_DIR: values['data-dir'] } : {}) });
    } catch (e) {
      io.err(`atrium admin create: ${(e as Error).message}`);
      return EXIT.usage;
    }
    const db = connect<any>(config);
    try {
      await migrate(db.kysely, [identityMigrations]);
      const identity = await createIdentity({ db: db.kysely, dataDir: config.dataDir });
      const admin = await identity.createAdmin(values.email, password);
      io.out(`Created admin ${admin.email}`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof AtriumError) {
        io.err(`atrium admin create: ${e.message} (${e.code})`);
        return EXIT.failed;
      }
      throw e;
    } finally {
      await db.close();
    }
  },
};
