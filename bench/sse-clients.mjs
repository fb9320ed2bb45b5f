// A worker thread of SSE clients for the messaging bench (plain JavaScript: workers load no
// TypeScript), so reading a thousand streams does not share the event loop it measures. Each
// client names itself in x-bench-user; each event whose data carries "tick N" (or {"n":N} from the
// bare broadcast) is stamped with the time it was parsed, on the clock both threads share.
import { parentPort, workerData } from "node:worker_threads";
import { Agent } from "undici";
const { url, clients } = workerData;
const agent = new Agent({ connections: clients + 16, pipelining: 0 });
const now = () => performance.timeOrigin + performance.now();
const readers = [];
await Promise.all(
  Array.from({ length: clients }, async (_, i) => {
    const res = await fetch(url, { headers: { "x-bench-user": `bench-${i}` }, dispatcher: agent });
    const reader = res.body.getReader();
    readers.push(reader);
    const decoder = new TextDecoder();
    let buffer = "";
    let opened = () => {
    };
    const first = new Promise((r) => opened = r);
    void (async () => {
      for (; ; ) {
        const { value, done } = await reader.read().catch(() => ({ value: void 0, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop();
        for (const b of blocks) {
          const data = /^data: (.*)$/m.exec(b)?.[1];
          if (data === void 0) continue;
          opened();
          const n = /"tick (\d+)"|\{"n":(\d+)\}/.exec(data);
          if (n) parentPort.postMessage({ n: Number(n[1] ?? n[2]), at: now() });
        }
      }
    })();
    await first;
  })
);
parentPort.postMessage({ ready: true });
parentPort.on("message", async (m) => {
  if (m !== "close") return;
  await Promise.all(readers.map((r) => r.cancel().catch(() => {
  })));
  await agent.close();
  parentPort.postMessage({ closed: true });
});
