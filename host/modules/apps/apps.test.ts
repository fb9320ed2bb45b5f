import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../sdk/contract/index.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { appsMigrations, createAppsService, type AppsService } from './index.ts';

const manifest = (name: string, version = '1.0.0'): Manifest => ({ name, version, pages: ['pages/index'], permissions: {}, network: { domains: [] } });
const program = (name: string, version?: string) => ({ manifest: manifest(name, version), bundle: `/* ${name} */`, assets: [{ path: 'assets/a.png', contentType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }] });

describe.each(testDatabases())('apps on $name', (tdb) => {
  let db: Db<any>;
  let apps: AppsService;
  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [appsMigrations]);
    apps = createAppsService(db.kysely);
    for (const [name, category, description] of [
      ['Tea House', 'shopping', 'Loose-leaf tea, 50% off'],
      ['Hello', 'tools', 'The smallest program'],
      ['Bike Share', 'travel', 'Ride across town'],
    ] as const) {
      const id = await apps.createApp({ id: name.toLowerCase().replace(' ', '-'), merchantId: 'm1', name, category, description });
      await apps.publish(id, program(name));
    }
    await apps.createApp({ id: 'unreleased', merchantId: 'm1', name: 'Unreleased', category: 'tools', description: 'not out yet' });
  });
  afterAll(() => db.close());

  it('lists released apps in the directory, by name', async () => {
    expect((await apps.directory()).map((a) => a.name)).toEqual(['Bike Share', 'Hello', 'Tea House']);
  });

  it('filters the directory by category', async () => {
    expect((await apps.directory({ category: 'tools' })).map((a) => a.id)).toEqual(['hello']);
  });

  it('searches names and descriptions without case', async () => {
    expect((await apps.directory({ search: 'RIDE' })).map((a) => a.id)).toEqual(['bike-share']);
  });

  it('treats LIKE wildcards in a search as text', async () => {
    expect((await apps.directory({ search: '50%' })).map((a) => a.id)).toEqual(['tea-house']);
    expect(await apps.directory({ search: '_' })).toEqual([]);
  });

  it('answers a search built to break SQL with no results and no damage', async () => {
    expect(await apps.directory({ search: "' OR 1=1 --" })).toEqual([]);
    expect(await apps.directory()).toHaveLength(3);
  });

  it('runs the latest published version', async () => {
    await apps.publish('hello', program('Hello', '1.1.0'));
    const v = await apps.runnable('hello');
    expect(v.version).toBe('1.1.0');
    expect(v.manifest.name).toBe('Hello');
  });

  it('serves a version\'s assets', async () => {
    const v = await apps.runnable('tea-house');
    const a = await apps.asset(v.versionId, 'assets/a.png');
    expect(a.contentType).toBe('image/png');
    expect([...a.bytes]).toEqual([137, 80, 78, 71]);
  });

  it('refuses to run an app that was never released', async () => {
    await expect(apps.runnable('unreleased')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a second version with the same number', async () => {
    await expect(apps.publish('bike-share', program('Bike Share'))).rejects.toThrow();
    expect((await apps.runnable('bike-share')).version).toBe('1.0.0');
  });
});
