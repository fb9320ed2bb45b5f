/**
 * `atrium-host`: the operator's commands, run on the machine that runs the host, against the
 * database `npm start` uses (ATRIUM_DATA_DIR / ATRIUM_DATABASE_URL). Kept apart from the merchant's
 * `atrium` CLI, which never loads the host's database layer.
 *
 * @example
 * npx atrium-host admin create --email root@example.com   # the password from standard input
 */
import { parseArgs } from 'node:util';
import { adminCreate, EXIT, readPassword, type HostIo } from './admin-command.ts';

const usage = [
  'atrium-host: operator commands for an Atrium host',
  '',
  'Usage: atrium-host admin create --email <email> [--password <password>] [--data-dir ./data]',
  '  --email       the admin\'s email',
  '  --password    at least 10 characters; read from standard input when left out',
  '  --data-dir    the host\'s data directory (default: ATRIUM_DATA_DIR or ./data)',
];

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: HostIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { email: { type: 'string' }, password: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`atrium-host: ${(e as Error).message}`);
    return EXIT.usage;
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length === 0) {
    for (const line of usage) io.out(line);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (positionals[0] !== 'admin' || positionals[1] !== 'create' || positionals.length > 2) {
    io.err('atrium-host: the only command is "admin create" (atrium-host admin create --email <email>)');
    return EXIT.usage;
  }
  if (typeof values.email !== 'string') {
    io.err('atrium-host admin create: --email is required');
    return EXIT.usage;
  }
  const password = typeof values.password === 'string' ? values.password : await readPassword();
  return adminCreate({ email: values.email, password, dataDir: values['data-dir'] }, io);
}
