import { EXIT, type Command } from './command.ts';
import { duration, hanging, liveText, statusText, when, where } from './remote/show.ts';
import { appDetail, appIdOf, appOption, appPath, withHost } from './remote/signed-in.ts';
import type { CheckResult, VersionView } from './remote/views.ts';

/** `passed: manifest, size; skipped: diff`: each outcome with the checks that had it. */
function checksSummary(checks: CheckResult[]): string {
  const outcomes = ['failed', 'passed', 'skipped'] as const;
  return outcomes
    .map((o) => [o, checks.filter((c) => c.outcome === o).map((c) => c.id)] as const)
    .filter(([, ids]) => ids.length)
    .map(([o, ids]) => `${o}: ${ids.join(', ')}`)
    .join('; ');
}

/** One version: a heading line, then labelled facts indented beneath it. */
export function versionLines(v: VersionView): string[] {
  const live = liveText(v);
  const lines = [`${v.version}  ${statusText(v.status)}${live ? `, ${live}` : ''}`];
  const fact = (label: string, value: string) => lines.push(...hanging(`  ${label.padEnd(11)}`, value, 11));
  fact('submitted', when(v.submittedAt));
  if (v.decidedAt) fact('reviewed', `${when(v.decidedAt)}${v.reviewSeconds === null ? '' : `, ${duration(v.reviewSeconds)} after submission`}`);
  if (v.releaseNotes) fact('notes', v.releaseNotes);
  for (const r of v.reasons) fact('rejected', `${where(r)}${r.message}`);
  if (v.checks.length) fact('checks', checksSummary(v.checks));
  for (const c of v.checks) for (const f of c.findings) fact(f.severity, `${c.id}: ${where(f)}${f.message}`);
  return lines;
}

export const versionsCommand: Command = {
  name: 'versions',
  summary: "An app's versions, newest first: status, release, review and check findings",
  usage: 'atrium versions --app <id>',
  details: [appDetail],
  options: appOption,
  maxPositionals: 0,
  async run(_, values, io) {
    return withHost(io, versionsCommand, async (api) => {
      const appId = await appIdOf(api, values, io);
      const { versions } = await api.get<{ versions: VersionView[] }>(appPath(appId, '/versions'));
      if (!versions.length) io.out(`No versions of ${appId} yet: submit one with atrium submit --app ${appId}`);
      versions.forEach((v, i) => {
        if (i) io.out('');
        versionLines(v).forEach((l) => io.out(l));
      });
      return EXIT.ok;
    });
  },
};
