import { resolve } from 'node:path';
import { AtriumError } from '../contract/index.ts';
import { buildProgram } from '../build/index.ts';
import { describeDiagnostic, shown } from './build.ts';
import { EXIT, formatBytes, plural, type Command } from './command.ts';
import { checkLines } from './remote/show.ts';
import { appDetail, appIdOf, appOption, appPath, withHost } from './remote/signed-in.ts';
import type { CheckResult, VersionView } from './remote/views.ts';

/** The sandbox check renders every page; give the host time for a program with many. */
const SUBMIT_TIMEOUT_MS = 180_000;

function checksOf(e: AtriumError): CheckResult[] {
  const checks = (e.details as { checks?: unknown } | undefined)?.checks;
  return Array.isArray(checks) ? (checks as CheckResult[]) : [];
}

export const submitCommand: Command = {
  name: 'submit',
  summary: 'Build a program and submit it: the automated checks run, then it waits for review',
  usage: 'atrium submit [dir] --app <id> [--notes <release notes>]',
  details: [
    '  dir           the program (default: the current directory); built as atrium build does',
    appDetail,
    '  --notes       release notes for the reviewer and your users',
  ],
  options: { ...appOption, notes: { type: 'string' } },
  maxPositionals: 1,
  async run([dirArg], values, io) {
    const dir = resolve(dirArg ?? '.');
    return withHost(io, submitCommand, async (api) => {
      const appId = await appIdOf(api, values, io);
      const built = await buildProgram(dir, { minify: true });
      if (!built.ok) {
        for (const d of built.errors) io.err(describeDiagnostic(dir, d));
        io.err(`atrium submit: ${shown(dir)} did not build (${plural(built.errors.length, 'error')})`);
        return EXIT.failed;
      }
      const { manifest, bundle, assets, bytes } = built;
      io.out(`Submitting ${manifest.name} ${manifest.version} (${formatBytes(bytes.bundle + bytes.assets)}) to ${appId} at ${api.host}; the checks run now`);
      const body = {
        manifest,
        bundle,
        assets: assets.map((a) => ({ path: a.path, contentType: a.contentType, data: a.bytes.toString('base64') })),
        releaseNotes: typeof values.notes === 'string' ? values.notes : '',
      };
      let version: VersionView;
      try {
        ({ version } = await api.post<{ version: VersionView }>(appPath(appId, '/versions'), body, { timeoutMs: SUBMIT_TIMEOUT_MS }));
      } catch (e) {
        if (!(e instanceof AtriumError && e.code === 'checks_failed')) throw e;
        // The host's message repeats the findings (stack traces and all); they read better as a list.
        const checks = checksOf(e);
        const errors = checks.flatMap((c) => c.findings).filter((f) => f.severity === 'error').length;
        io.err(`The checks of ${manifest.name} ${manifest.version}:`);
        checkLines(checks).forEach((l) => io.err(l));
        io.err(`atrium submit: ${manifest.name} ${manifest.version} did not pass the automated checks: ${plural(errors, 'error')} above (${e.code})`);
        return EXIT.failed;
      }
      io.out(`Version ${version.version} is ${version.status.replace('_', ' ')}`);
      checkLines(version.checks).forEach((l) => io.out(l));
      io.out(`Next: an admin reviews it; see where it stands with atrium versions --app ${appId}`);
      return EXIT.ok;
    });
  },
};
