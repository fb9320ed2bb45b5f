import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteEntries } from '../../host/web/index.ts';
import { budgets, bundleReport, forbiddenInPages } from './bundles.ts';

describe("the sites' scripts", () => {
  it.each(Object.keys(siteEntries) as (keyof typeof siteEntries)[])('%s carries no server library and stays within its budget', async (site) => {
    const report = await bundleReport(siteEntries[site]);
    expect(report.packages.filter((p) => forbiddenInPages.includes(p))).toEqual([]);
    expect(report.bytes).toBeLessThan(budgets[site]);
  });

  // A page that imports the contract's index (which holds every schema) is what the budget is for.
  const dir = mkdtempSync(join(import.meta.dirname, '.probe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('would catch a page importing the schema library through the contract', async () => {
    const entry = join(dir, 'page.ts');
    writeFileSync(entry, "import { contract } from '../../../sdk/contract/index.ts';\nconsole.log(Object.keys(contract));\n");
    const report = await bundleReport(entry);
    expect(report.packages).toContain('zod');
    expect(report.bytes).toBeGreaterThan(budgets.admin);
  });
});
