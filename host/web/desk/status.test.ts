import { describe, expect, it } from 'vitest';
import { appLabel, describeAudit, reasonTarget, releaseLine, versionLabel } from './status.ts';

const v = { status: 'approved' as const, live: null, grayPercent: null, releasedAt: null };

describe('what the consoles say about apps and versions', () => {
  it('labels a version by whether users get it, then by its review', () => {
    expect(versionLabel({ ...v, live: 'full', releasedAt: 'x' })).toEqual({ text: 'Live', tone: 'green' });
    expect(versionLabel({ ...v, live: 'gray', grayPercent: 10, releasedAt: 'x' })).toEqual({ text: 'Gray 10%', tone: 'blue' });
    expect(versionLabel({ ...v, status: 'in_review' }).text).toBe('In review');
    expect(versionLabel(v).text).toBe('Approved');
    expect(versionLabel({ ...v, releasedAt: '2026-01-01T00:00:00Z' }).text).toBe('Approved · was live');
    expect(versionLabel({ ...v, status: 'rejected' })).toEqual({ text: 'Rejected', tone: 'red' });
    expect(versionLabel({ ...v, status: 'withdrawn' }).tone).toBe('grey');
  });

  it('labels an app: suspended first, then released or not', () => {
    const release = { version: '1.0.0', versionId: 'v1', gray: null, releasedAt: 'x' };
    expect(appLabel({ status: 'suspended', release }).text).toBe('Suspended');
    expect(appLabel({ status: 'active', release: null }).text).toBe('Not released');
    expect(appLabel({ status: 'active', release }).text).toBe('Live');
  });

  it('says who gets which version', () => {
    expect(releaseLine(null)).toMatch(/^Nobody yet/);
    expect(releaseLine({ version: '1.0.0', versionId: 'v1', gray: null, releasedAt: 'x' })).toBe('1.0.0 to everyone');
    expect(releaseLine({ version: '1.0.0', versionId: 'v1', gray: { version: '1.1.0', versionId: 'v2', percent: 25 }, releasedAt: 'x' })).toBe('1.0.0 to everyone else · 1.1.0 to 25% of users');
  });

  it('names what a rejection reason points at', () => {
    expect(reasonTarget({ page: 'pages/index' })).toBe('Page pages/index');
    expect(reasonTarget({ scope: 'payments' })).toBe('Scope payments');
    expect(reasonTarget({})).toBe('Whole version');
  });

  it('puts audit entries in words with the facts they keep', () => {
    expect(describeAudit({ action: 'release.gray', detail: { version: '1.1.0', percent: 10 } })).toBe('Gray release of 1.1.0 to 10% of users');
    expect(describeAudit({ action: 'release.full', detail: { version: '1.1.0', percent: 100 } })).toBe('Released 1.1.0 to everyone');
    expect(describeAudit({ action: 'release.rollback', detail: { version: '1.0.0' } })).toBe('Rolled everyone back to 1.0.0');
    expect(describeAudit({ action: 'version.reject', detail: { version: '1.0.1' } })).toBe('Rejected 1.0.1');
    expect(describeAudit({ action: 'app.licence', detail: { granted: true } })).toBe('Granted the restricted-category licence');
    expect(describeAudit({ action: 'app.licence', detail: { granted: false } })).toBe('Withdrew the restricted-category licence');
    expect(describeAudit({ action: 'app.suspend', detail: {} })).toBe('Suspended the app');
  });
});
