import { AtriumError } from '../../contract/index.ts';
import { envOf, EXIT, type Command, type Io, type OptionValues } from '../command.ts';
import { apiClient, normalHost, type Api } from './client.ts';
import { loadCredentials } from './credentials.ts';
import { when } from './show.ts';
import type { AppView } from './views.ts';

/** The command line was incomplete: said with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A host error as one line, `atrium <cmd>: <message> (<code>)`; a usage error with exit code 2. */
export function reportFailure(io: Io, name: string, e: unknown): number {
  if (e instanceof UsageError) {
    io.err(`atrium ${name}: ${e.message}`);
    return EXIT.usage;
  }
  if (!(e instanceof AtriumError)) throw e;
  // Not reaching the host is not an answer from it: there is no code of its to show.
  const unreached = e.code === 'network_error' || e.code === 'timeout';
  io.err(`atrium ${name}: ${e.message}${unreached ? '' : ` (${e.code})`}`);
  return EXIT.failed;
}

/**
 * Runs `work` with a client signed in as the merchant `atrium login` saved, and turns what it
 * throws (host errors, usage errors) into a line and an exit code.
 */
export async function withHost(io: Io, command: Command, work: (api: Api) => Promise<number>): Promise<number> {
  const env = envOf(io);
  const saved = loadCredentials(env);
  const fail = (why: string) => {
    io.err(`atrium ${command.name}: ${why}; run atrium login`);
    return EXIT.failed;
  };
  if (!saved) return fail('not signed in');
  if (env.ATRIUM_HOST && normalHost(env.ATRIUM_HOST) !== saved.host) return fail(`signed in to ${saved.host}, but ATRIUM_HOST is ${env.ATRIUM_HOST}`);
  if (!(Date.parse(saved.expiresAt) > Date.now())) return fail(`your sign-in to ${saved.host} expired at ${when(saved.expiresAt)}`);
  try {
    return await work(apiClient(saved.host, saved.token));
  } catch (e) {
    const code = reportFailure(io, command.name, e);
    if (code === EXIT.usage) io.err(`Usage: ${command.usage}`);
    if (e instanceof AtriumError && e.code === 'unauthorized') io.err('Your sign-in is missing or has expired: run atrium login');
    return code;
  }
}

export const listApps = async (api: Api): Promise<AppView[]> => (await api.get<{ apps: AppView[] }>('/api/merchant/apps')).apps;

/**
 * The app a command is about: `--app`, else `$ATRIUM_APP`. Without either, a usage error that
 * lists the merchant's app ids, so the next command line can be typed from it.
 */
export async function appIdOf(api: Api, values: OptionValues, io: Io): Promise<string> {
  const chosen = typeof values.app === 'string' ? values.app : envOf(io).ATRIUM_APP;
  if (chosen) return chosen;
  const apps = await listApps(api);
  const yours = apps.length ? `your apps: ${apps.map((a) => a.id).join(', ')}` : 'you have no apps yet (atrium apps create --name <name> --category <category>)';
  throw new UsageError(`say which app with --app <id> or ATRIUM_APP; ${yours}`);
}

/** `/api/merchant/apps/<id><rest>`, the id escaped. */
export const appPath = (appId: string, rest = ''): string => `/api/merchant/apps/${encodeURIComponent(appId)}${rest}`;

/** The app option every lifecycle command takes. */
export const appOption = { app: { type: 'string' } } as const;
export const appDetail = '  --app         the app id (default: $ATRIUM_APP; without either, your apps are listed)';
