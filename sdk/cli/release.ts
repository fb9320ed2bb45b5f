import { EXIT, type Command } from './command.ts';
import { releaseLines } from './remote/show.ts';
import { appDetail, appIdOf, appOption, appPath, withHost } from './remote/signed-in.ts';
import type { ReleaseState } from './remote/views.ts';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'Release an approved version to everyone, or to a share of users (gray)',
  usage: 'atrium release <version> --app <id> [--percent <1-100>]',
  details: [
    '  version       an approved version, e.g. 1.2.0',
    appDetail,
    '  --percent     give it to this share of users first; it only grows, and 100 (the default) is everyone',
  ],
  options: { ...appOption, percent: { type: 'string' } },
  maxPositionals: 1,
  async run([version], values, io) {
    const percent = values.percent === undefined ? undefined : Number(values.percent);
    if (!version || (percent !== undefined && !(Number.isInteger(percent) && percent >= 1 && percent <= 100))) {
      io.err(version ? `atrium release: --percent must be a whole number from 1 to 100, not "${values.percent}"` : 'atrium release: say which version, e.g. `atrium release 1.0.0`');
      io.err(`Usage: ${releaseCommand.usage}`);
      return EXIT.usage;
    }
    return withHost(io, releaseCommand, async (api) => {
      const appId = await appIdOf(api, values, io);
      const { release } = await api.post<{ release: ReleaseState }>(appPath(appId, '/release'), { version, percent });
      io.out(release.gray?.version === version ? `Released ${version} of ${appId} to ${release.gray.percent}% of users` : `Released ${version} of ${appId} to everyone`);
      releaseLines(release).forEach((l) => io.out(l));
      return EXIT.ok;
    });
  },
};
