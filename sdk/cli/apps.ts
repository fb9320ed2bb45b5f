import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { EXIT, type Command, type Io, type OptionValues } from './command.ts';
import type { Api } from './remote/client.ts';
import { liveSummary, statusText, table } from './remote/show.ts';
import { listApps, UsageError, withHost } from './remote/signed-in.ts';
import type { AppView } from './remote/views.ts';

const iconTypes = new Set(['.png', '.jpg', '.jpeg', '.webp']);
const createOptions = ['name', 'category', 'description', 'icon', 'id'] as const;

interface Created {
  app: AppView;
  secret: { appId: string; appSecret: string };
}

async function list(api: Api, io: Io): Promise<number> {
  const apps = await listApps(api);
  if (!apps.length) {
    io.out('No apps yet: create one with atrium apps create --name <name> --category <category>');
    return EXIT.ok;
  }
  const rows = apps.map((a) => [a.id, a.name, statusText(a.status), liveSummary(a.release), a.inReview ?? '-']);
  table([['ID', 'NAME', 'STATUS', 'LIVE', 'IN REVIEW'], ...rows]).forEach((l) => io.out(l));
  return EXIT.ok;
}

/** The icon file as base64, refusing what the host would. */
function iconOf(path: string): string {
  const file = resolve(path);
  if (!iconTypes.has(extname(file).toLowerCase())) throw new UsageError(`--icon must be a .png, .jpg or .webp file, not "${path}"`);
  if (!existsSync(file)) throw new UsageError(`--icon: there is no file ${path}`);
  return readFileSync(file).toString('base64');
}

async function create(api: Api, values: OptionValues, io: Io): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const name = str('name');
  const category = str('category');
  if (!name || !category) throw new UsageError('a new app needs --name and --category (e.g. --name "Tea House" --category food)');
  const icon = str('icon');
  const body = { name, category, description: str('description'), id: str('id'), icon: icon === undefined ? undefined : iconOf(icon) };
  const { app, secret } = await api.post<Created>('/api/merchant/apps', body);
  io.out(`Created ${app.name} (${app.category})`);
  io.out(`  app id      ${app.id}`);
  io.out(`  app secret  ${secret.appSecret}`);
  io.err('Keep the secret on your server, never in a mini-program: it is shown only this once (a lost one can only be replaced).');
  io.out(`Next: atrium submit --app ${app.id}`);
  return EXIT.ok;
}

export const appsCommand: Command = {
  name: 'apps',
  summary: 'List your apps, or create one (apps create)',
  usage: 'atrium apps [create --name <name> --category <category> [--description <text>] [--icon <file>] [--id <id>]]',
  details: [
    '  atrium apps         your apps: id, name, status, the live version (and gray share), the version in review',
    '  atrium apps create  a new app: prints its id and, once, its secret',
    '  --name        the name users see (at most 40 characters)',
    '  --category    e.g. shopping, food, tools',
    '  --description  a line or two for the directory',
    '  --icon        a PNG, JPEG or WebP file of at most 256 KiB',
    '  --id          the app id to use (3-40 of a-z, 0-9 and -); one is made from the name when left out',
  ],
  options: Object.fromEntries(createOptions.map((k) => [k, { type: 'string' }])) as Command['options'],
  maxPositionals: 1,
  async run([sub], values, io) {
    if (sub !== undefined && sub !== 'create') {
      io.err(`atrium apps: unknown subcommand "${sub}"; the only one is "create"`);
      io.err(`Usage: ${appsCommand.usage}`);
      return EXIT.usage;
    }
    const stray = sub === undefined && createOptions.find((k) => values[k] !== undefined);
    if (stray) {
      io.err(`atrium apps: --${stray} is for atrium apps create`);
      return EXIT.usage;
    }
    return withHost(io, appsCommand, (api) => (sub === 'create' ? create(api, values, io) : list(api, io)));
  },
};
