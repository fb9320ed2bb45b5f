import type { CheckResult, Finding } from './types.ts';
import { result } from './static.ts';

/** Where text was seen: a page's rendered view, or a field of the submission. */
export interface Text {
  page?: string;
  where: string;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Banned terms match as whole words without case, so "scam" does not flag "scampi". Letters of any
 * script count as word characters.
 */
export function termMatcher(terms: readonly string[]): (text: string) => string[] {
  const patterns = terms.map((t) => ({ term: t, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(t).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu') }));
  return (text) => patterns.filter((p) => p.re.test(text)).map((p) => p.term);
}

export function checkTerms(texts: Text[], terms: readonly string[]): CheckResult {
  const match = termMatcher(terms);
  const findings: Finding[] = [];
  for (const t of texts) {
    for (const term of match(t.text)) {
      findings.push({ severity: 'error', ...(t.page ? { page: t.page } : {}), message: `${t.where} shows the banned term "${term}"` });
    }
  }
  return result('terms', 'No banned terms', `${texts.length} texts screened against ${terms.length} terms`, findings);
}
