import { Worker } from 'node:worker_threads';

export interface LoadRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/**
 * The load generator runs in a worker thread of its own, so the server's main thread is not also
 * doing the client's work: connection `i` sends `requests[i % requests.length]` for `ms`.
 */
const generator = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require(workerData.undici);
const { url, requests, connections, ms } = workerData;
const pool = new Pool(url, { connections });
const latencies = [];
let failed = null;
(async () => {
  const until = performance.now() + ms;
  await Promise.all(Array.from({ length: connections }, async (_, i) => {
    const r = requests[i % requests.length];
    while (performance.now() < until && !failed) {
      const t = performance.now();
      const res = await pool.request({ method: 'POST', path: r.path, body: r.body, headers: { 'content-type': 'application/json', ...r.headers } });
      await res.body.text();
      if (res.statusCode !== 200) failed = r.path + ' answered ' + res.statusCode;
      latencies.push(performance.now() - t);
    }
  }));
  await pool.close();
  parentPort.postMessage({ latencies, failed });
})();
`;

export async function loadFromWorker(url: string, requests: LoadRequest[], ms: number, connections: number, undiciPath: string): Promise<Load> {
  const worker = new Worker(generator, { eval: true, workerData: { url, requests, ms, connections, undici: undiciPath } });
  const { latencies, failed } = await new Promise<{ latencies: number[]; failed: string | null }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (failed) throw new Error(failed);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { rps: latencies.length / (ms / 1000), p50: at(50), p99: at(99) };
}
