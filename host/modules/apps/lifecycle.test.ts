import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '../../../sdk/contract/index.ts';
import { Runtime } from '../../../runtime/index.ts';
import { rawProgram } from '../../../test/support/programs.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { defaultReviewPolicy } from '../../config.ts';
import { migrate, type Db } from '../../db/index.ts';
import { appsMigrations, createAppsService, createChecker, createLifecycle, grayBucket, type Actor, type AppsService, type Lifecycle, type Submission } from './index.ts';

const alice: Actor = { id: 'merchant-alice', kind: 'merchant' };
const bob: Actor = { id: 'merchant-bob', kind: 'merchant' };
const admin: Actor = { id: 'admin-1', kind: 'admin' };

const says = (text: string) => `{ render() { return { type: 'view', props: {}, children: [{ type: 'text', props: {}, children: [${JSON.stringify(text)}] }] }; } }`;

function submission(version: string, opts: { pages?: Record<string, string>; manifest?: Partial<ManifestInput> & Record<string, unknown>; bundle?: string; notes?: string } = {}): Submission {
  const pages = opts.pages ?? { 'pages/index': says('Welcome to the tea house') };
  return {
    manifest: { name: 'Tea House', version, pages: Object.keys(pages), ...opts.manifest },
    bundle: opts.bundle ?? rawProgram(pages),
    assets: [],
    releaseNotes: opts.notes ?? `Version ${version}`,
  };
}

/** Submits, approves and releases `version` of `appId` to everyone. */
async function ship(lc: Lifecycle, appId: string, version: string, s = submission(version)) {
  const v = await lc.submit(alice, appId, s);
  await lc.approve(admin, v.id);
  await lc.release(alice, appId, version);
  return v;
}

describe.each(testDatabases())('the app lifecycle on $name', (tdb) => {
  let db: Db<any>;
  let runtime: Runtime;
  let lc: Lifecycle;
  let apps: AppsService;
  let n = 0;
  /** A fresh app of alice's for each test, so tests do not share versions. */
  const newApp = async (category = 'food', owner = alice) => (await lc.createApp(owner, { id: `app-${++n}`, name: `App ${n}`, category, description: 'd' })).id;
  const versionCount = async (appId: string) => Number((await db.kysely.selectFrom('apps_versions').select((eb) => eb.fn.countAll().as('n')).where('app_id', '=', appId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [appsMigrations]);
    runtime = await Runtime.create({ shards: 1 });
    lc = createLifecycle(db.kysely, createChecker({ runtime, policy: defaultReviewPolicy }));
    apps = createAppsService(db.kysely);
  });
  afterAll(async () => {
    await runtime.shutdown();
    await db.close();
  });

  describe('submission and its automated checks', () => {
    it('puts a version that passes every check in the review queue, with the checks stored', async () => {
      const appId = await newApp();
      const v = await lc.submit(alice, appId, submission('1.0.0'));
      expect(v).toMatchObject({ version: '1.0.0', status: 'in_review', releaseNotes: 'Version 1.0.0', live: null });
      expect(v.checks.map((c) => [c.id, c.outcome])).toEqual([
        ['manifest', 'passed'], ['size', 'passed'], ['sandbox', 'passed'], ['scopes', 'passed'], ['category', 'passed'], ['terms', 'passed'], ['diff', 'passed'],
      ]);
      expect((await lc.queue()).map((i) => i.version.id)).toContain(v.id);
    });

    it('refuses a manifest with unknown keys, naming the key, and stores nothing', async () => {
      const appId = await newApp();
      const err = await lc.submit(alice, appId, submission('1.0.0', { manifest: { colour: 'green' } })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      expect(err.message).toMatch(/colour/);
      expect(await versionCount(appId)).toBe(0);
    });

    it('refuses a bundle that throws on load', async () => {
      const appId = await newApp();
      const err = await lc.submit(alice, appId, submission('1.0.0', { bundle: 'throw new Error("boom at load")' })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      const sandbox = err.details.checks.find((c: { id: string }) => c.id === 'sandbox');
      expect(sandbox.outcome).toBe('failed');
      expect(JSON.stringify(sandbox.findings)).toMatch(/boom at load/);
      expect(await versionCount(appId)).toBe(0);
    });

    it('refuses a bundle whose top level runs past its 1 s load budget inside one builtin', async () => {
      const appId = await newApp();
      // 1.5-2.5 s of CPU in one call the engine cannot interrupt, short of the watchdog's 4.1 s.
      const bundle = `'a'.repeat(1e7).replaceAll('a', 'bb');\n${rawProgram({ 'pages/index': says('Hello') })}`;
      const err = await lc.submit(alice, appId, submission('1.0.0', { bundle })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      const sandbox = err.details.checks.find((c: { id: string }) => c.id === 'sandbox');
      expect(sandbox.outcome).toBe('failed');
      expect(JSON.stringify(sandbox.findings)).toMatch(/budget/);
      expect(await versionCount(appId)).toBe(0);
    });

    it('refuses a program over 2 MiB without loading it', async () => {
      const appId = await newApp();
      const big = rawProgram({ 'pages/index': says('hi') }) + `\n/*${'x'.repeat(2 * 1024 * 1024)}*/`;
      const err = await lc.submit(alice, appId, submission('1.0.0', { bundle: big })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      const outcomes = Object.fromEntries(err.details.checks.map((c: { id: string; outcome: string }) => [c.id, c.outcome]));
      expect(outcomes).toMatchObject({ size: 'failed', sandbox: 'skipped' });
      expect(await versionCount(appId)).toBe(0);
    });

    it('refuses a page that renders blank, pointing at the page', async () => {
      const appId = await newApp();
      const pages = { 'pages/index': says('Hello'), 'pages/empty': `{ render() { return { type: 'view', props: {}, children: [' '] }; } }` };
      const err = await lc.submit(alice, appId, submission('1.0.0', { pages })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      const findings = err.details.checks.find((c: { id: string }) => c.id === 'sandbox').findings;
      expect(findings).toEqual([expect.objectContaining({ severity: 'error', page: 'pages/empty', message: expect.stringMatching(/blank/) })]);
    });

    it('refuses a page whose onLoad throws', async () => {
      const appId = await newApp();
      const pages = { 'pages/index': `{ onLoad() { throw new Error('no catalog'); }, render() { return { type: 'text', props: {}, children: ['x'] }; } }` };
      const err = await lc.submit(alice, appId, submission('1.0.0', { pages })).catch((e) => e);
      expect(err).toMatchObject({ code: 'checks_failed' });
      expect(err.message).toMatch(/pages\/index: .*no catalog/);
    });

    it('refuses a restricted category until an admin grants a licence', async () => {
      const appId = await newApp('pharmaceuticals');
      await expect(lc.submit(alice, appId, submission('1.0.0'))).rejects.toMatchObject({ code: 'checks_failed', message: expect.stringMatching(/restricted category/) });
      await lc.licence(admin, appId, true, 'pharmacy licence PL-2291 checked');
      await expect(lc.submit(alice, appId, submission('1.0.0'))).resolves.toMatchObject({ status: 'in_review' });
    });

    it('refuses a page that shows a banned term, pointing at the page', async () => {
      const appId = await newApp();
      const pages = { 'pages/index': says('Hello'), 'pages/deals': says('Genuine COUNTERFEIT bags, cheap') };
      const err = await lc.submit(alice, appId, submission('1.0.0', { pages })).catch((e) => e);
      const terms = err.details.checks.find((c: { id: string }) => c.id === 'terms');
      expect(terms.findings).toEqual([expect.objectContaining({ page: 'pages/deals', message: expect.stringMatching(/counterfeit/) })]);
    });

    it('takes one version into review at a time; a withdrawn one makes room', async () => {
      const appId = await newApp();
      await lc.submit(alice, appId, submission('1.0.0'));
      await expect(lc.submit(alice, appId, submission('1.0.1'))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/1\.0\.0 is in review/) });
      await lc.withdraw(alice, appId, '1.0.0');
      await expect(lc.submit(alice, appId, submission('1.0.1'))).resolves.toMatchObject({ status: 'in_review' });
    });

    it('lets one of two racing submissions into review and answers the other with a conflict', async () => {
      const appId = await newApp();
      const results = await Promise.allSettled([lc.submit(alice, appId, submission('1.0.0')), lc.submit(alice, appId, submission('1.0.1'))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
      expect(await versionCount(appId)).toBe(1);
    });

    it('refuses a version number already submitted', async () => {
      const appId = await newApp();
      await lc.withdraw(alice, appId, (await lc.submit(alice, appId, submission('1.0.0'))).version);
      await expect(lc.submit(alice, appId, submission('1.0.0'))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/higher version/) });
    });

    it('diffs a version against the one users have: pages, scopes and domains', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0', submission('1.0.0', { pages: { 'pages/index': says('a'), 'pages/old': says('b') }, manifest: { network: { domains: ['api.tea.example'] } } }));
      const v = await lc.submit(alice, appId, submission('1.1.0', {
        pages: { 'pages/index': says('a'), 'pages/new': says('c') },
        manifest: { permissions: { userInfo: { reason: 'to greet you by name' } } },
      }));
      expect(v.diff).toMatchObject({ against: '1.0.0', pagesAdded: ['pages/new'], pagesRemoved: ['pages/old'], scopesAdded: ['userInfo'], scopesRemoved: [], domainsRemoved: ['api.tea.example'] });
    });

    it('lists the subscription templates for the reviewer, and refuses templates without the scope or the scope without templates', async () => {
      const templates = [
        { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'order', label: 'Order', type: 'text' as const }, { key: 'total', label: 'Total', type: 'money' as const }] },
        { id: 'restock', title: 'Back in stock', fields: [{ key: 'item', label: 'Tea', type: 'text' as const }] },
      ];
      const scope = { subscribe: { reason: 'to tell you when your order ships' } };
      const v = await lc.submit(alice, await newApp(), submission('1.0.0', { manifest: { permissions: scope, subscriptions: { templates } } }));
      expect(v.checks.map((c) => c.id)).toEqual(['manifest', 'size', 'sandbox', 'scopes', 'subscriptions', 'category', 'terms', 'diff']);
      expect(v.checks.find((c) => c.id === 'subscriptions')).toEqual({
        id: 'subscriptions',
        title: 'Subscription message templates',
        outcome: 'passed',
        summary: '2 templates: order-shipped “Order shipped” (Order: text, Total: money); restock “Back in stock” (Tea: text)',
        findings: [],
      });
      expect(v.manifest.subscriptions?.templates).toEqual(templates);

      const finding = async (over: Record<string, unknown>, bundle?: string) => {
        const err = await lc.submit(alice, await newApp(), { ...submission('1.0.0', { manifest: over }), ...(bundle ? { bundle } : {}) }).catch((e) => e);
        expect(err).toMatchObject({ code: 'checks_failed' });
        return err.details.checks.find((c: { id: string }) => c.id === 'subscriptions');
      };
      expect(await finding({ subscriptions: { templates } })).toMatchObject({ outcome: 'failed', findings: [{ severity: 'error', scope: 'subscribe', message: expect.stringMatching(/declares subscription templates but not the "subscribe" scope/) }] });
      expect(await finding({ permissions: scope })).toMatchObject({ outcome: 'failed', summary: 'no templates declared', findings: [{ severity: 'error', message: 'the program declares the "subscribe" scope but declares no templates under "subscriptions" in atrium.json, so every request would be refused' }] });
      const calls = rawProgram({ 'pages/index': `{ notify() { return globalThis.__atrium.call('subscribe.requestSubscribe', { templateIds: ['x'] }); }, render() { return { type: 'text', props: {}, children: ['Tea'] }; } }` });
      expect((await finding({}, calls)).findings[0].message).toMatch(/^the program calls subscribe\.requestSubscribe but declares no templates/);
      // A program with no part in subscriptions has no such check.
      expect((await lc.submit(alice, await newApp(), submission('1.0.0'))).checks.some((c) => c.id === 'subscriptions')).toBe(false);
    });

    it('refuses an asset whose bytes are not the image its name says', async () => {
      const appId = await newApp();
      const s = { ...submission('1.0.0'), assets: [{ path: 'assets/logo.png', contentType: 'image/png', bytes: new TextEncoder().encode('<svg onload=alert(1)>') }] };
      await expect(lc.submit(alice, appId, s)).rejects.toMatchObject({ code: 'invalid_args' });
      expect(await versionCount(appId)).toBe(0);
    });
  });

  describe('review', () => {
    it('shows the queue oldest first, with scopes and their reasons', async () => {
      const first = await newApp();
      const second = await newApp();
      const a = await lc.submit(alice, first, submission('1.0.0', { manifest: { permissions: { userInfo: { reason: 'to greet you by name' } } } }));
      const b = await lc.submit(alice, second, submission('1.0.0'));
      const ids = (await lc.queue()).map((i) => i.version.id);
      expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
      const item = await lc.item(a.id);
      expect(item.scopes).toEqual([{ scope: 'userInfo', title: expect.any(String), reason: 'to greet you by name' }]);
      expect(item.app).toMatchObject({ id: first, merchantId: alice.id, inReview: '1.0.0' });
    });

    it('records who approved, when, and how long the review took', async () => {
      const appId = await newApp();
      const v = await lc.submit(alice, appId, submission('1.0.0'));
      const item = await lc.approve(admin, v.id, 'looks fine');
      expect(item.version).toMatchObject({ status: 'approved', decidedBy: admin.id, decisionNote: 'looks fine', reviewSeconds: expect.any(Number) });
      const [entry] = await lc.auditLog({ appId, action: 'version.approve' });
      expect(entry).toMatchObject({ actorId: admin.id, actorKind: 'admin', versionId: v.id, reason: 'looks fine' });
    });

    it('rejects with reasons that point at the version\'s pages and scopes', async () => {
      const appId = await newApp();
      const v = await lc.submit(alice, appId, submission('1.0.0'));
      const item = await lc.reject(admin, v.id, [{ page: 'pages/index', message: 'the prices are not shown in the currency' }]);
      expect(item.version).toMatchObject({ status: 'rejected', reasons: [{ page: 'pages/index', message: 'the prices are not shown in the currency' }] });
    });

    it('refuses a rejection pointing at a page the version does not have, and changes nothing', async () => {
      const appId = await newApp();
      const v = await lc.submit(alice, appId, submission('1.0.0'));
      await expect(lc.reject(admin, v.id, [{ page: 'pages/nowhere', message: 'bad page' }])).rejects.toMatchObject({ code: 'invalid_args' });
      await expect(lc.reject(admin, v.id, [])).rejects.toMatchObject({ code: 'invalid_args' });
      expect((await lc.item(v.id)).version.status).toBe('in_review');
    });

    it('decides a version once', async () => {
      const appId = await newApp();
      const v = await lc.submit(alice, appId, submission('1.0.0'));
      await lc.approve(admin, v.id);
      await expect(lc.reject(admin, v.id, [{ message: 'changed my mind' }])).rejects.toMatchObject({ code: 'conflict' });
      expect((await lc.item(v.id)).version.status).toBe('approved');
    });
  });

  describe('release and rollback', () => {
    it('releases only approved versions, and a refusal changes nothing', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      const v = await lc.submit(alice, appId, submission('1.1.0'));
      await expect(lc.release(alice, appId, '1.1.0')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/in review/) });
      await lc.reject(admin, v.id, [{ message: 'not yet' }]);
      await expect(lc.release(alice, appId, '1.1.0')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/rejected/) });
      expect((await apps.runnable(appId, 'anyone')).version).toBe('1.0.0');
    });

    it("sends an app's first release to everyone", async () => {
      const appId = await newApp();
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.0.0'))).id);
      await expect(lc.release(alice, appId, '1.0.0', 10)).rejects.toMatchObject({ code: 'conflict' });
      await expect(lc.release(alice, appId, '1.0.0')).resolves.toMatchObject({ version: '1.0.0', gray: null });
    });

    it('gives a gray version to exactly the users whose bucket is inside its share', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.1.0'))).id);
      await expect(lc.release(alice, appId, '1.1.0', 30)).resolves.toMatchObject({ version: '1.0.0', gray: { version: '1.1.0', percent: 30 } });
      const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);
      const got = await Promise.all(users.map(async (u) => (await apps.runnable(appId, u)).version));
      users.forEach((u, i) => expect(got[i]).toBe(grayBucket(appId, u) < 30 ? '1.1.0' : '1.0.0'));
      const share = got.filter((v) => v === '1.1.0').length / users.length;
      expect(share).toBeGreaterThan(0.15);
      expect(share).toBeLessThan(0.45);
    });

    it('only grows a gray share', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.1.0'))).id);
      await lc.release(alice, appId, '1.1.0', 20);
      await expect(lc.release(alice, appId, '1.1.0', 10)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/only grows/) });
      await expect(lc.release(alice, appId, '1.1.0', 20)).rejects.toMatchObject({ code: 'conflict' });
      await expect(lc.release(alice, appId, '1.1.0', 50)).resolves.toMatchObject({ gray: { percent: 50 } });
      await expect(lc.release(alice, appId, '1.1.0')).resolves.toMatchObject({ version: '1.1.0', gray: null });
      expect((await apps.runnable(appId, 'anyone')).version).toBe('1.1.0');
    });

    it('calls off a gray release on rollback', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.1.0'))).id);
      await lc.release(alice, appId, '1.1.0', 99);
      await expect(lc.rollback(alice, appId)).resolves.toMatchObject({ version: '1.0.0', gray: null });
      const versions = await Promise.all(Array.from({ length: 20 }, (_, i) => apps.runnable(appId, `u${i}`)));
      expect(new Set(versions.map((v) => v.version))).toEqual(new Set(['1.0.0']));
    });

    it('rolls back to any of the last five released versions, and to none never released', async () => {
      const appId = await newApp();
      for (const v of ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0']) await ship(lc, appId, v);
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.6.0'))).id);
      for (const v of ['1.0.0', '1.4.0', '1.1.0']) {
        await expect(lc.rollback(alice, appId, v)).resolves.toMatchObject({ version: v });
      }
      await expect(lc.rollback(alice, appId, '1.6.0')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/never released/) });
      expect((await apps.runnable(appId, 'anyone')).version).toBe('1.1.0');
    });

    it('rolls back to the version released before the current one when none is named', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await ship(lc, appId, '2.0.0');
      await expect(lc.rollback(alice, appId)).resolves.toMatchObject({ version: '1.0.0' });
      await expect(lc.rollback(alice, appId)).rejects.toMatchObject({ code: 'conflict' });
    });

    it("answers a merchant touching another merchant's app as if it did not exist, and changes nothing", async () => {
      const appId = await newApp();
      const v = await ship(lc, appId, '1.0.0');
      for (const attempt of [
        () => lc.submit(bob, appId, submission('9.0.0')),
        () => lc.release(bob, appId, '1.0.0'),
        () => lc.rollback(bob, appId),
        () => lc.withdraw(bob, appId, '1.0.0'),
        () => lc.versions(bob, appId),
        () => lc.updateApp(bob, appId, { name: 'Mine now' }),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
      }
      expect(await lc.app(alice, appId)).toMatchObject({ name: expect.stringMatching(/^App /), release: { versionId: v.id } });
      expect(await versionCount(appId)).toBe(1);
    });
  });

  describe('suspension', () => {
    it('takes a suspended app out of the directory and refuses to open it, with the reason', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await lc.suspend(admin, appId, 'sells fake medicine');
      expect((await apps.directory()).map((a) => a.id)).not.toContain(appId);
      await expect(apps.runnable(appId, 'u1')).rejects.toMatchObject({ code: 'app_suspended', message: expect.stringMatching(/sells fake medicine/) });
      await lc.reinstate(admin, appId, 'merchant removed the listings');
      expect((await apps.directory()).map((a) => a.id)).toContain(appId);
    });

    it('refuses to release a suspended app', async () => {
      const appId = await newApp();
      await ship(lc, appId, '1.0.0');
      await lc.approve(admin, (await lc.submit(alice, appId, submission('1.1.0'))).id);
      await lc.suspend(admin, appId, 'under investigation');
      await expect(lc.release(alice, appId, '1.1.0')).rejects.toMatchObject({ code: 'app_suspended' });
    });

    it('needs a reason to suspend, and a refusal changes nothing', async () => {
      const appId = await newApp();
      await expect(lc.suspend(admin, appId, '  ')).rejects.toMatchObject({ code: 'invalid_args' });
      expect((await lc.app(admin, appId)).status).toBe('active');
    });

    it('keeps every admin action in the audit log: who, what, when and why', async () => {
      const appId = await newApp();
      await lc.suspend(admin, appId, 'spam reports');
      await lc.reinstate(admin, appId, 'reports were false');
      const log = await lc.auditLog({ appId, actorKind: 'admin' });
      expect(log.map((e) => [e.action, e.actorId, e.reason])).toEqual([
        ['app.reinstate', admin.id, 'reports were false'],
        ['app.suspend', admin.id, 'spam reports'],
      ]);
      expect(Date.parse(log[0]!.at)).not.toBeNaN();
    });

    it('pages through the audit log without gaps or repeats, however many entries share a millisecond', async () => {
      const appId = await newApp();
      for (let i = 0; i < 7; i++) await lc.licence(admin, appId, i % 2 === 0, `paging entry ${i}`);
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await lc.auditLog({ appId, action: 'app.licence', limit: 3, before });
        if (!page.length) break;
        seen.push(...page.map((e) => e.reason!));
        before = page.at(-1)!.id;
      }
      expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `paging entry ${i}`));
    });
  });
});
