import { envOf, EXIT, stdinOf, type Command } from './command.ts';
import { apiClient, normalHost } from './remote/client.ts';
import { loadCredentials, saveCredentials } from './remote/credentials.ts';
import { readPassword } from './remote/password.ts';
import { when } from './remote/show.ts';
import { reportFailure } from './remote/signed-in.ts';

export const DEFAULT_HOST = 'http://127.0.0.1:3000';

interface LoginResult {
  account: { email: string; displayName: string };
  token: string;
  expiresAt: string;
}

const text = (v: string | boolean | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const loginCommand: Command = {
  name: 'login',
  summary: 'Sign in to a host as a merchant; the other app commands use the saved token',
  usage: 'atrium login [--host <url>] [--email <email>] [< password-file]',
  details: [
    '  --host        the host (default: $ATRIUM_HOST, else the host signed in to last, else http://127.0.0.1:3000)',
    '  --email       your merchant account\'s email (default: the one signed in with last)',
    '  The password is typed at a prompt, or read from the first line of standard input, never',
    '  from the command line. The token is saved, readable by you alone, in credentials.json in',
    '  $ATRIUM_CONFIG_DIR, else $XDG_CONFIG_HOME/atrium, else ~/.config/atrium.',
  ],
  options: { host: { type: 'string' }, email: { type: 'string' } },
  maxPositionals: 0,
  async run(_, values, io) {
    const env = envOf(io);
    const saved = loadCredentials(env);
    const asked = text(values.host) ?? text(env.ATRIUM_HOST) ?? saved?.host ?? DEFAULT_HOST;
    const host = normalHost(asked);
    if (!host) {
      io.err(`atrium login: the host must be an http:// or https:// URL, not "${asked}"`);
      return EXIT.usage;
    }
    const email = text(values.email) ?? saved?.email;
    if (!email) {
      io.err('atrium login: say who with --email, e.g. `atrium login --email you@example.com`');
      return EXIT.usage;
    }
    const password = await readPassword(stdinOf(io), `Password for ${email} at ${host}: `);
    if (password === null) {
      io.err('atrium login: cancelled');
      return EXIT.failed;
    }
    if (!password) {
      io.err('atrium login: no password on standard input; type it at the prompt or pipe it in (atrium login < password.txt)');
      return EXIT.usage;
    }
    try {
      const r = await apiClient(host).post<LoginResult>('/api/auth/login', { email, password, kind: 'merchant' });
      const file = saveCredentials(env, { host, token: r.token, email: r.account.email, expiresAt: r.expiresAt });
      io.out(`Signed in to ${host} as ${r.account.email} until ${when(r.expiresAt)}`);
      io.out(`  token saved in ${file}`);
      return EXIT.ok;
    } catch (e) {
      return reportFailure(io, 'login', e);
    }
  },
};
