import { buildProgram } from '../sdk/build/index.ts';
import { Runtime } from '../runtime/index.ts';
const b = await buildProgram('examples/hello');
if (!b.ok) { console.log(b.errors); process.exit(1); }
console.log('bundle bytes', b.bytes);
const rt = await Runtime.create({ shards: 1 });
let t = performance.now();
const s = await rt.open({ merchantId: 'm1', appId: 'hello', bundle: b.bundle, pages: { pages: b.manifest.pages, tabs: [] }, query: { name: 'Ada' },
  onCall: async (c) => { console.log('call', c); return { ok: true, data: null }; },
  listener: { log: (l, t) => console.log('log', l, t), ended: (r) => console.log('ended', r) } });
console.log('open ms', performance.now() - t);
console.log(JSON.stringify(s.view));
for (let i = 0; i < 10; i++) await s.event({ handler: 'add', type: 'tap' });
console.log(JSON.stringify(s.view));
await new Promise(r => setTimeout(r, 50));
t = performance.now();
for (let i = 0; i < 1000; i++) await s.event({ handler: 'add', type: 'tap' });
console.log('per event us', (performance.now() - t));
await rt.shutdown();
