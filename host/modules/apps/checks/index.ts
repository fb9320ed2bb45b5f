/**
 * The automated checks a submitted version goes through before a person looks at it: the
 * manifest, the size, the sandbox (every page renders), scopes, subscription templates (for
 * programs that have them), category, banned terms, and a diff against the previous version.
 * Errors refuse the submission; everything else is stored with the version for the merchant and
 * the reviewer.
 */
import type { Runtime } from '../../../../runtime/index.ts';
import type { ReviewPolicy } from '../../../config.ts';
import { diffVersions } from './diff.ts';
import { checkSandbox, sandboxSkipped } from './sandbox.ts';
import { checkCategory, checkManifest, checkScopes, checkSize, programBytes, result, skipped } from './static.ts';
import { checkSubscriptions } from './subscriptions.ts';
import { checkTerms, type Text } from './terms.ts';
import type { CheckContext, CheckReport, CheckResult, Submission } from './types.ts';

export type { CheckContext, CheckId, CheckReport, CheckResult, Finding, Submission, VersionDiff } from './types.ts';

export type Checker = (ctx: CheckContext, submission: Submission) => Promise<CheckReport>;

export function createChecker(deps: { runtime: Runtime; policy: ReviewPolicy }): Checker {
  return async function runChecks(ctx, s) {
    const sizeBytes = programBytes(s);
    const { check: manifestCheck, manifest } = checkManifest(s.manifest);
    const size = checkSize(s);
    const checks: CheckResult[] = [manifestCheck, size];
    const submittedTexts: Text[] = [{ where: 'the release notes', text: s.releaseNotes }];
    if (!manifest) {
      const why = 'the manifest is invalid';
      checks.push(sandboxSkipped(why), skipped('scopes', 'Every scope has a reason', why), skipped('category', 'Category allowed', why));
      checks.push(checkTerms(submittedTexts, deps.policy.bannedTerms), skipped('diff', 'Changes since the previous version', why));
      return { manifest: null, sizeBytes, checks, diff: null, passed: false };
    }
    // An oversized program is not loaded at all: the sandbox has its own memory bounds, but there is no point.
    const sandbox = size.outcome === 'failed' ? { check: sandboxSkipped('the program is over the size limit'), texts: [] } : await checkSandbox(deps.runtime, ctx.merchantId, manifest, s);
    submittedTexts.push({ where: 'the name', text: manifest.name }, { where: 'the description', text: manifest.description ?? '' });
    const subscriptions = checkSubscriptions(manifest, s.bundle);
    checks.push(sandbox.check, checkScopes(manifest), ...(subscriptions ? [subscriptions] : []), checkCategory(ctx, manifest, deps.policy.restrictedCategories));
    checks.push(checkTerms([...submittedTexts, ...sandbox.texts], deps.policy.bannedTerms));
    const diff = diffVersions(ctx.previous, manifest, sizeBytes);
    checks.push(result('diff', 'Changes since the previous version', describeDiff(diff), []));
    return { manifest, sizeBytes, checks, diff, passed: checks.every((c) => c.outcome !== 'failed') };
  };
}

function describeDiff(d: ReturnType<typeof diffVersions>): string {
  if (!d.against) return 'the first version';
  const parts = [
    ...d.pagesAdded.map((p) => `+page ${p}`),
    ...d.pagesRemoved.map((p) => `-page ${p}`),
    ...d.scopesAdded.map((s) => `+scope ${s}`),
    ...d.scopesRemoved.map((s) => `-scope ${s}`),
    ...d.domainsAdded.map((s) => `+domain ${s}`),
    ...d.domainsRemoved.map((s) => `-domain ${s}`),
  ];
  return `against ${d.against}: ${parts.length ? parts.join(', ') : 'no pages, scopes or domains changed'}`;
}
