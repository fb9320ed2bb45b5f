import { extname } from 'node:path';
import type { Kysely } from 'kysely';
import { AtriumError, manifestSchema, type Manifest } from '../../../sdk/contract/index.ts';
import { assetTypes } from '../../../sdk/build/index.ts';
import { newId, now } from '../../db/index.ts';
import type { CheckContext, Checker, CheckReport, Submission } from './checks/index.ts';
import { sniffImage } from './images.ts';
import { iconColumns, insertApp, insertAssets, type AppDetails } from './service.ts';
import type { Actor, AppsStore } from './store.ts';
import type { AppsTables } from './tables.ts';
import type { AppView, VersionView } from './views.ts';

const MAX_ASSETS = 500;
const ASSET_PATH = /^assets\/[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Each asset is a raster image under assets/, its type told by its bytes and agreeing with its name. */
function checkAssets(assets: Submission['assets']): void {
  if (assets.length > MAX_ASSETS) throw new AtriumError('invalid_args', `A version may carry at most ${MAX_ASSETS} assets.`);
  const seen = new Set<string>();
  for (const a of assets) {
    if (!ASSET_PATH.test(a.path)) throw new AtriumError('invalid_args', `Asset "${a.path.slice(0, 100)}" must be a path below assets/ of letters, digits, ".", "-" and "_".`);
    if (seen.has(a.path)) throw new AtriumError('invalid_args', `Asset "${a.path}" is listed twice.`);
    seen.add(a.path);
    const byName = assetTypes[extname(a.path).toLowerCase()];
    const byBytes = sniffImage(a.bytes);
    if (!byName || byBytes !== byName || a.contentType !== byName) {
      throw new AtriumError('invalid_args', `Asset "${a.path}" is not the ${byName ?? 'PNG, JPEG, GIF or WebP'} image its name and type say.`);
    }
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique|duplicate key/i.test(err?.message ?? '');
}

function failedMessage(report: CheckReport): string {
  const errors = report.checks.flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => (f.page ? `${f.page}: ${f.message}` : f.message)));
  const shown = errors.slice(0, 5).join('; ');
  return `The version did not pass the automated checks: ${shown}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}.`;
}

/** Merchants' side: making apps, submitting versions and taking them back out of review. */
export function createSubmissions(db: Kysely<AppsTables>, store: AppsStore, checker: Checker) {
  async function createApp(actor: Actor, input: { id?: string } & AppDetails): Promise<AppView> {
    const id = input.id ?? newId();
    try {
      await db.transaction().execute(async (trx) => {
        await insertApp(trx, id, actor.id, input);
        await store.audit(trx, actor, 'app.create', { appId: id }, null, { name: input.name, category: input.category });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AtriumError('conflict', `The app id "${id}" is taken.`);
      throw e;
    }
    return store.viewApp(await store.appFor(actor, id));
  }

  async function updateApp(actor: Actor, appId: string, input: Partial<AppDetails>): Promise<AppView> {
    await store.appFor(actor, appId);
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.category !== undefined ? { category: input.category.toLowerCase() } : {}),
      ...(iconColumns(input.icon) ?? {}),
    };
    if (Object.keys(set).length) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('apps_apps').set(set).where('id', '=', appId).execute();
        await store.audit(trx, actor, 'app.update', { appId }, null, { fields: Object.keys(set).filter((k) => k !== 'icon_type') });
      });
    }
    return store.viewApp(await store.appFor(actor, appId));
  }

  async function listApps(actor: Actor): Promise<AppView[]> {
    const rows = await db.selectFrom('apps_apps').selectAll().where('merchant_id', '=', actor.id).orderBy('name').execute();
    return Promise.all(rows.map((r) => store.viewApp(r)));
  }

  /** What the new version is compared against: the one everyone gets, else the latest submitted. */
  async function previousOf(appId: string): Promise<CheckContext['previous']> {
    const release = await store.releaseRow(appId);
    let q = db.selectFrom('apps_versions').select(['version', 'manifest', 'size_bytes']).where('app_id', '=', appId);
    q = release ? q.where('id', '=', release.version_id) : q.orderBy('created_at', 'desc');
    const row = await q.executeTakeFirst();
    return row ? { version: row.version, manifest: JSON.parse(row.manifest) as Manifest, sizeBytes: Number(row.size_bytes) } : null;
  }

  /**
   * Runs the automated checks and, when they pass, stores the version in the review queue. A
   * failure stores nothing: the error carries every check's result in `details.checks`.
   */
  async function submit(actor: Actor, appId: string, s: Submission): Promise<VersionView> {
    const app = await store.appFor(actor, appId);
    checkAssets(s.assets);
    const waiting = await store.inReview(appId);
    if (waiting) throw new AtriumError('conflict', `Version ${waiting} is in review; withdraw it first (atrium withdraw ${waiting} --app ${appId}) or wait for the decision.`);
    const claimed = manifestSchema.safeParse(s.manifest);
    if (claimed.success) await refuseTakenVersion(appId, claimed.data.version);
    const report = await checker({ appId, merchantId: app.merchant_id, category: app.category, licensed: Number(app.licensed) === 1, previous: await previousOf(appId) }, s);
    if (!report.passed || !report.manifest) throw new AtriumError('checks_failed', failedMessage(report), { checks: report.checks as never });
    const m = report.manifest;
    const id = newId();
    const at = now();
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('apps_versions')
          .values({
            id,
            app_id: appId,
            version: m.version,
            manifest: JSON.stringify(m),
            bundle: s.bundle,
            status: 'in_review',
            release_notes: s.releaseNotes,
            size_bytes: report.sizeBytes,
            checks: JSON.stringify(report.checks),
            diff: JSON.stringify(report.diff ?? {}),
            submitted_at: at,
            decided_at: null,
            decided_by: null,
            reasons: '[]',
            released_at: null,
            created_at: at,
          })
          .execute();
        await insertAssets(trx, id, s.assets);
        await store.audit(trx, actor, 'version.submit', { appId, versionId: id }, null, { version: m.version });
      });
    } catch (e) {
      // A submission racing this one won the one review slot or the version number.
      if (isUniqueViolation(e)) throw new AtriumError('conflict', `Another submission of "${appId}" got in first; run atrium versions --app ${appId} to see it.`);
      throw e;
    }
    return store.viewVersion(await store.versionRow(appId, m.version));
  }

  async function refuseTakenVersion(appId: string, version: string): Promise<void> {
    const taken = await db.selectFrom('apps_versions').select('status').where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
    if (taken) throw new AtriumError('conflict', `Version ${version} was already submitted (${taken.status.replace('_', ' ')}); give the new one a higher version number in atrium.json.`);
  }

  async function withdraw(actor: Actor, appId: string, version: string): Promise<VersionView> {
    await store.appFor(actor, appId);
    const row = await store.versionRow(appId, version);
    const result = await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('apps_versions').set({ status: 'withdrawn' }).where('id', '=', row.id).where('status', '=', 'in_review').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) await store.audit(trx, actor, 'version.withdraw', { appId, versionId: row.id }, null, { version });
      return Number(r.numUpdatedRows);
    });
    if (result !== 1) throw new AtriumError('conflict', `Version ${version} is not in review (it is ${row.status.replace('_', ' ')}).`);
    return store.viewVersion(await store.versionRow(appId, version));
  }

  return { createApp, updateApp, listApps, submit, withdraw };
}
