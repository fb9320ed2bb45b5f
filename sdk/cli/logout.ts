import { envOf, EXIT, type Command } from './command.ts';
import { credentialsFile, deleteCredentials } from './remote/credentials.ts';

export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Forget the token atrium login saved',
  usage: 'atrium logout',
  details: ['  Deletes credentials.json from the config directory (see atrium login --help).'],
  options: {},
  maxPositionals: 0,
  async run(_, __, io) {
    const env = envOf(io);
    const file = credentialsFile(env);
    io.out(deleteCredentials(env) ? `Signed out: removed ${file}` : `Not signed in (there is no ${file})`);
    return EXIT.ok;
  },
};
