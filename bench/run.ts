/** `npm run bench`: every performance figure, each printed beside a baseline from the same run. */
import { runHttpBench } from './http.ts';
import { runMessagingBench } from './messaging.ts';
import { runPaymentsBench } from './payments.ts';
import { runQrBench } from './qr.ts';
import { runSandboxBench } from './sandbox.ts';

console.log(`Atrium benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('(run through `npm run bench` so memory figures can collect garbage first)');
await runSandboxBench();
await runHttpBench();
await runPaymentsBench();
await runMessagingBench();
await runQrBench();
