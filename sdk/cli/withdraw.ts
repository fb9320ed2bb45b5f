import { EXIT, type Command } from './command.ts';
import { releaseLines, statusText } from './remote/show.ts';
import { appDetail, appIdOf, appOption, appPath, withHost } from './remote/signed-in.ts';
import type { AppView, VersionView } from './remote/views.ts';

export const withdrawCommand: Command = {
  name: 'withdraw',
  summary: 'Take a version back out of review',
  usage: 'atrium withdraw <version> --app <id>',
  details: ['  version       the version in review, e.g. 1.2.0', appDetail],
  options: appOption,
  maxPositionals: 1,
  async run([version], values, io) {
    if (!version) {
      io.err('atrium withdraw: say which version, e.g. `atrium withdraw 1.1.0`');
      io.err(`Usage: ${withdrawCommand.usage}`);
      return EXIT.usage;
    }
    return withHost(io, withdrawCommand, async (api) => {
      const appId = await appIdOf(api, values, io);
      const withdrawn = await api.post<{ version: VersionView }>(appPath(appId, `/versions/${encodeURIComponent(version)}/withdraw`));
      io.out(`Withdrew ${withdrawn.version.version} of ${appId} from review; it is now ${statusText(withdrawn.version.status)}`);
      const { app } = await api.get<{ app: AppView }>(appPath(appId));
      releaseLines(app.release).forEach((l) => io.out(l));
      return EXIT.ok;
    });
  },
};
