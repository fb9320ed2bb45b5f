import { describe, expect, it } from 'vitest';
import { GRAY_STEPS, releaseChoices, rollbackTargets } from './release.ts';

type V = Parameters<typeof releaseChoices>[2];
const version = (id: string, over: Partial<V> = {}): V => ({ id, status: 'approved', live: null, grayPercent: null, releasedAt: null, ...over });
const release = (versionId: string, gray: { versionId: string; percent: number } | null = null) => ({ version: versionId, versionId, gray: gray && { version: gray.versionId, ...gray }, releasedAt: 'x' });

describe('release controls of the merchant console', () => {
  it("offers only everyone for an app's first release", () => {
    const v1 = version('v1');
    expect(releaseChoices({ status: 'active', release: null }, [v1], v1)).toEqual({ full: true, gray: [], callOff: false, rollback: false, withdraw: false });
  });

  it('offers everyone or a gray share for an approved version newer than the live one', () => {
    const v2 = version('v2');
    const v1 = version('v1', { live: 'full', releasedAt: 'x' });
    const app = { status: 'active' as const, release: release('v1') };
    expect(releaseChoices(app, [v2, v1], v2)).toMatchObject({ full: true, gray: [...GRAY_STEPS] });
    // The live version itself offers nothing more.
    expect(releaseChoices(app, [v2, v1], v1)).toEqual({ full: false, gray: [], callOff: false, rollback: false, withdraw: false });
  });

  it('lets a gray release only grow, be released fully, or be called off', () => {
    const v2 = version('v2', { live: 'gray', grayPercent: 10, releasedAt: 'x' });
    const v1 = version('v1', { live: 'full', releasedAt: 'x' });
    const choices = releaseChoices({ status: 'active', release: release('v1', { versionId: 'v2', percent: 10 }) }, [v2, v1], v2);
    expect(choices).toEqual({ full: true, gray: [25, 50], callOff: true, rollback: false, withdraw: false });
  });

  it('offers a rollback to older versions users had, and nothing for older ones they never had', () => {
    const v3 = version('v3', { live: 'full', releasedAt: 'x' });
    const v2 = version('v2', { status: 'rejected' });
    const v1 = version('v1', { releasedAt: 'x' });
    const v0 = version('v0');
    const app = { status: 'active' as const, release: release('v3') };
    const all = [v3, v2, v1, v0];
    expect(releaseChoices(app, all, v1)).toMatchObject({ rollback: true, full: false });
    expect(releaseChoices(app, all, v0)).toMatchObject({ rollback: false, full: false });
    expect(rollbackTargets(app, all).map((v) => v.id)).toEqual(['v1']);
  });

  it('offers a newer version users had before a rollback as a release, not a rollback', () => {
    const v2 = version('v2', { releasedAt: 'x' });
    const v1 = version('v1', { live: 'full', releasedAt: 'x' });
    expect(releaseChoices({ status: 'active', release: release('v1') }, [v2, v1], v2)).toMatchObject({ full: true, rollback: false });
  });

  it('offers withdrawing a version in review, and no release while the app is suspended', () => {
    const v2 = version('v2', { status: 'in_review' });
    const v1 = version('v1');
    expect(releaseChoices({ status: 'active', release: null }, [v2, v1], v2)).toMatchObject({ withdraw: true, full: false });
    expect(releaseChoices({ status: 'suspended', release: null }, [v2, v1], v1)).toMatchObject({ full: false, gray: [] });
  });
});
