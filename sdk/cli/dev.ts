import { resolve } from 'node:path';
import { EXIT, type Command } from './command.ts';
import { startDevServer } from './dev/server.ts';

export const devCommand: Command = {
  name: 'dev',
  summary: 'Run programs in a local shell in the browser; rebuild and reload on every change',
  usage: 'atrium dev [dir...] [--port 5173] [--host 127.0.0.1]',
  details: [
    '  dir           one or more programs (default: the current directory); several get a launcher',
    '  -p, --port    the port to listen on (default 5173; 0 picks a free one)',
    '  --host        the address to listen on (default 127.0.0.1)',
  ],
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  maxPositionals: 50,
  async run(positionals, values, io) {
    const port = values.port === undefined ? 5173 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`atrium dev: --port must be a port number, not "${values.port}"`);
      return EXIT.usage;
    }
    const dirs = (positionals.length ? positionals : ['.']).map((d) => resolve(d));
    let server;
    try {
      server = await startDevServer({ dirs, port, hostname: typeof values.host === 'string' ? values.host : undefined, log: io.out });
    } catch (e) {
      io.err(`atrium dev: ${(e as Error).message}`);
      return EXIT.failed;
    }
    io.out('');
    io.out(`  Atrium dev shell: ${server.url}`);
    io.out('  Watching for changes; Ctrl+C to stop.');
    io.out('');
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await server.close();
    return EXIT.ok;
  },
};
