/**
 * `npm start`: for now, the dev shell over every example program. The real host replaces this.
 * The only reader of process.env.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '../sdk/cli/dev/server.ts';

const port = Number(process.env.PORT ?? 3000);
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const dirs = readdirSync(examples)
  .map((name) => join(examples, name))
  .filter((dir) => existsSync(join(dir, 'atrium.json')));

const server = await startDevServer({ dirs, port, log: (line) => console.log(line) });
console.log(`\nAtrium (dev shell over ${dirs.length} example programs): ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
