import { AtriumError, type Manifest, type ViewChild } from '../../../../sdk/contract/index.ts';
import type { Runtime } from '../../../../runtime/index.ts';
import { openProgram, textOf, type ProgramTester } from '../../../../sdk/testing/index.ts';
import { result, skipped } from './static.ts';
import type { CheckResult, Finding, Submission } from './types.ts';
import type { Text } from './terms.ts';

/** Components a user can see or use even without text: a page of only these is not blank. */
const visibleWithoutText = new Set(['image', 'input', 'textarea', 'button', 'switch', 'checkbox', 'picker']);

function hasVisible(n: ViewChild): boolean {
  if (typeof n === 'string') return n.trim() !== '';
  return visibleWithoutText.has(n.type) || n.children.some(hasVisible);
}

export interface SandboxOutcome {
  check: CheckResult;
  /** What each page showed, for the banned-terms screen. */
  texts: Text[];
}

const TITLE = 'Loads and renders every page';

/**
 * Opens every declared page in the real sandbox, as a user would, with a host that answers from
 * memory and has no network. Each page must render within bounds, log no errors, and show
 * something. The sessions run on a module of their own (`review:<merchant>`), never on the one
 * serving the merchant's users, and the platform hands the checks a runtime of their own, so a
 * bundle that stalls its shard never stalls users' sessions (host/platform.ts).
 */
export async function checkSandbox(runtime: Runtime, merchantId: string, m: Manifest, s: Submission): Promise<SandboxOutcome> {
  const findings: Finding[] = [];
  const texts: Text[] = [];
  const program = { manifest: m, bundle: s.bundle, assets: [], bytes: { bundle: s.bundle.length, assets: 0 } };
  let rendered = 0;
  for (const page of m.pages) {
    let t: ProgramTester | null = null;
    try {
      t = await openProgram(program, {
        runtime,
        merchantId: `review:${merchantId}`,
        page,
        clock: 'manual',
        consent: 'deny',
        settleTimeoutMs: 3000,
        stubs: {
          'net.request': () => {
            throw new AtriumError('network_error', 'the review checks run without a network');
          },
        },
      });
    } catch (e) {
      findings.push({ severity: 'error', page, message: `the page did not open: ${(e as Error).message.slice(0, 300)}` });
      continue;
    }
    try {
      if (t.ended) {
        findings.push({ severity: 'error', page, message: `the program stopped: ${t.ended.message} (${t.ended.code})` });
        continue;
      }
      for (const log of t.logs.filter((l) => l.level === 'error').slice(0, 3)) {
        findings.push({ severity: 'error', page, message: `the page logged an error: ${log.text.slice(0, 300)}` });
      }
      let view;
      try {
        view = t.view;
      } catch {
        findings.push({ severity: 'error', page, message: 'the page rendered nothing' });
        continue;
      }
      if (!hasVisible(view)) findings.push({ severity: 'error', page, message: 'the page renders blank: no text, image or control' });
      else rendered++;
      texts.push({ page, where: `page ${page}`, text: textOf(view) });
      if (t.title) texts.push({ page, where: `the title of page ${page}`, text: t.title });
    } finally {
      await t.close().catch(() => {});
    }
  }
  const summary = `${rendered} of ${m.pages.length} pages rendered`;
  return { check: result('sandbox', TITLE, summary, findings), texts };
}

export const sandboxSkipped = (why: string) => skipped('sandbox', TITLE, why);
