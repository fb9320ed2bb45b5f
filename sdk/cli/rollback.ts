import { EXIT, type Command } from './command.ts';
import { releaseLines } from './remote/show.ts';
import { appDetail, appIdOf, appOption, appPath, withHost } from './remote/signed-in.ts';
import type { AppView, ReleaseState } from './remote/views.ts';

/** What the rollback did, told from the release before and after it. */
function headline(appId: string, before: ReleaseState | null, after: ReleaseState): string {
  if (before?.gray && before.version === after.version) return `Called off the gray release of ${before.gray.version} of ${appId}; everyone has ${after.version}`;
  return `Rolled ${appId} back to ${after.version}${before ? ` from ${before.version}` : ''}`;
}

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'Call off a gray release, or return everyone to a version released before',
  usage: 'atrium rollback [version] --app <id>',
  details: [
    '  version       a version users had before (default: call off the gray release, or else go back to',
    '                the version released before the current one)',
    appDetail,
  ],
  options: appOption,
  maxPositionals: 1,
  async run([version], values, io) {
    return withHost(io, rollbackCommand, async (api) => {
      const appId = await appIdOf(api, values, io);
      const { app } = await api.get<{ app: AppView }>(appPath(appId));
      const { release } = await api.post<{ release: ReleaseState }>(appPath(appId, '/rollback'), version === undefined ? {} : { version });
      io.out(headline(appId, app.release, release));
      releaseLines(release).forEach((l) => io.out(l));
      return EXIT.ok;
    });
  },
};
