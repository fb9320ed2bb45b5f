import { describe, expect, it } from 'vitest';
import { recentApps, rememberApp } from './recent.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('recently used apps', () => {
  it('keeps the newest first, once each, at most eight, per account', () => {
    const s = memoryStorage();
    for (let i = 0; i < 10; i++) rememberApp('u1', { id: `app${i}`, name: `App ${i}` }, i, s);
    rememberApp('u1', { id: 'app5', name: 'App 5' }, 20, s);
    const list = recentApps('u1', s);
    expect(list.map((r) => r.id)).toEqual(['app5', 'app9', 'app8', 'app7', 'app6', 'app4', 'app3', 'app2']);
    expect(recentApps('u2', s)).toEqual([]);
  });

  it('reads damaged or foreign data as nothing rather than failing', () => {
    const s = memoryStorage();
    s.setItem('atrium.recent.v1.u1', '{not json');
    expect(recentApps('u1', s)).toEqual([]);
    s.setItem('atrium.recent.v1.u1', JSON.stringify([{ id: 1 }, { id: 'ok', name: 'Ok', at: 1 }, 'x']));
    expect(recentApps('u1', s)).toEqual([{ id: 'ok', name: 'Ok', at: 1 }]);
    expect(recentApps('u1', null)).toEqual([]);
  });
});
