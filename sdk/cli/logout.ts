import { AtriumError } from '../contract/index.ts';
import { envOf, EXIT, type Command } from './command.ts';
import { apiClient } from './remote/client.ts';
import { credentialsFile, deleteCredentials, loadCredentials } from './remote/credentials.ts';

export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Sign out: the host stops accepting the saved token, and this machine forgets it',
  usage: 'atrium logout',
  details: [
    '  Asks the host to sign the token out, then deletes credentials.json from the config directory',
    '  (see atrium login --help). When the host cannot be reached or refuses, the file is deleted all the same,',
    '  and the token stays valid on the host until it expires.',
  ],
  options: {},
  maxPositionals: 0,
  async run(_, __, io) {
    const env = envOf(io);
    const file = credentialsFile(env);
    const saved = loadCredentials(env);
    let notRevoked: string | null = null;
    if (saved) {
      try {
        await apiClient(saved.host, saved.token).post('/api/auth/logout', {}, { timeoutMs: 10_000 });
      } catch (e) {
        if (!(e instanceof AtriumError)) throw e;
        notRevoked = e.message;
      }
    }
    if (!deleteCredentials(env)) {
      io.out(`Not signed in (there is no ${file})`);
      return EXIT.ok;
    }
    io.out(`Signed out: removed ${file}`);
    if (notRevoked) io.err(`atrium logout: ${notRevoked}; the token was not revoked there and works until it expires.`);
    return EXIT.ok;
  },
};
