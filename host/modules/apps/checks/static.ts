import { manifestSchema, scopes, type Manifest, type Scope } from '../../../../sdk/contract/index.ts';
import { MAX_PROGRAM_BYTES } from '../../../../sdk/build/index.ts';
import type { CheckContext, CheckResult, Finding, Submission } from './types.ts';

const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;

export function result(id: CheckResult['id'], title: string, summary: string, findings: Finding[]): CheckResult {
  return { id, title, outcome: findings.some((f) => f.severity === 'error') ? 'failed' : 'passed', summary, findings };
}

export function skipped(id: CheckResult['id'], title: string, why: string): CheckResult {
  return { id, title, outcome: 'skipped', summary: why, findings: [] };
}

/** The manifest parses under the same strict schema the build uses: unknown keys are errors. */
export function checkManifest(raw: unknown): { check: CheckResult; manifest: Manifest | null } {
  const parsed = manifestSchema.safeParse(raw);
  if (parsed.success) return { manifest: parsed.data, check: result('manifest', 'Manifest is valid', `${parsed.data.name} ${parsed.data.version}`, []) };
  const findings = parsed.error.issues.slice(0, 20).map<Finding>((issue) => {
    const where = issue.path.map(String).join('.');
    return { severity: 'error', message: where ? `${where}: ${issue.message}` : issue.message };
  });
  return { manifest: null, check: result('manifest', 'Manifest is valid', 'the manifest does not match the schema', findings) };
}

export function programBytes(s: Submission): number {
  return Buffer.byteLength(s.bundle, 'utf8') + s.assets.reduce((n, a) => n + a.bytes.length, 0);
}

export function checkSize(s: Submission): CheckResult {
  const bundle = Buffer.byteLength(s.bundle, 'utf8');
  const total = programBytes(s);
  const summary = `${kib(total)} of ${kib(MAX_PROGRAM_BYTES)} (bundle ${kib(bundle)}, assets ${kib(total - bundle)})`;
  const findings: Finding[] = total > MAX_PROGRAM_BYTES ? [{ severity: 'error', message: `the program is ${kib(total)}; the limit is ${kib(MAX_PROGRAM_BYTES)}` }] : [];
  return result('size', 'Within 2 MiB', summary, findings);
}

/** Every scope is asked for with a reason a user can judge; the schema makes one, this reads it. */
export function checkScopes(m: Manifest): CheckResult {
  const findings: Finding[] = [];
  const asked = Object.entries(m.permissions) as [Scope, { reason: string }][];
  for (const [scope, { reason }] of asked) {
    const said = reason.trim().toLowerCase();
    if (said === scope.toLowerCase() || said === scopes[scope].title.toLowerCase()) {
      findings.push({ severity: 'error', scope, message: `the reason for ${scope} only repeats its name; say what the program does with it` });
    }
  }
  return result('scopes', 'Every scope has a reason', asked.length ? asked.map(([s]) => s).join(', ') : 'no scopes requested', findings);
}

/** Restricted categories need a licence an admin grants; the manifest may not claim another category. */
export function checkCategory(ctx: CheckContext, m: Manifest, restricted: readonly string[]): CheckResult {
  const findings: Finding[] = [];
  const categories = [...new Set([ctx.category, m.category].filter((c): c is string => !!c).map((c) => c.toLowerCase()))];
  for (const c of categories) {
    if (restricted.includes(c) && !ctx.licensed) {
      findings.push({ severity: 'error', message: `"${c}" is a restricted category: it needs a licence granted by the platform (ask an admin)` });
    }
  }
  if (m.category && m.category.toLowerCase() !== ctx.category.toLowerCase()) {
    findings.push({ severity: 'warning', message: `the manifest says category "${m.category}" but the app is listed under "${ctx.category}"` });
  }
  return result('category', 'Category allowed', categories.join(', '), findings);
}
