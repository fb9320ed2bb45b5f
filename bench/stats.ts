/** Small measuring helpers: percentiles and a printed table of figures beside their baselines. */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs `fn` n times; a number it returns is taken as its own measurement of that run. */
export async function samples(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const own = await fn(i);
    out.push(typeof own === 'number' ? own : performance.now() - t);
  }
  return out;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** `max`: the figure must stay at or under the target; `min`: at or over. */
  target?: { kind: 'max' | 'min'; value: number };
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}\n`);
  for (const f of figures) {
    const base = f.baseline ? `  | ${f.baseline.name}: ${fmt(f.baseline.value)} ${f.unit}  (ratio ${fmt(f.value / f.baseline.value)}x)` : '';
    const target = f.target
      ? `  | target ${f.target.kind === 'max' ? '≤' : '≥'} ${fmt(f.target.value)} ${f.unit}: ${
          (f.target.kind === 'max' ? f.value <= f.target.value : f.value >= f.target.value) ? 'met' : 'NOT MET'
        }`
      : '';
    console.log(`${f.name.padEnd(44)} ${fmt(f.value).padStart(9)} ${f.unit}${base}${target}`);
  }
}
