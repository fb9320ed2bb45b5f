/**
 * A hostile program under test: opened in its own merchant, with everything it produced recorded
 * (views, logs, host calls, rejections, the reason it ended) so tests can check what leaked.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { errorBody, Runtime, watchdogBoundMs, type GuestCall, type Limits, type Session } from '../../runtime/index.ts';
import type { ErrorBody, ErrorCode, Outcome, ShellEvent } from '../../sdk/contract/index.ts';
import { pageConfig, rawProgram } from '../support/programs.ts';
import { Neighbours, SECRET, text } from './neighbour.ts';

export const HOSTILE_MERCHANT = 'evil-merchant';

/**
 * A page with a `probe` handler (counts taps into `#n`) and a `#note` line for the program to
 * report into; `members` add handlers or replace `data`/`render`. `top` runs before the page is
 * defined, at the top level of the bundle.
 */
export function hostileBundle(members: string, top = ''): string {
  const page = rawProgram({
    'pages/index': `{
      data: { n: 0, note: '' },
      probe() { this.setData({ n: this.data.n + 1 }); },
      render() {
        return { type: 'view', props: {}, children: [
          { type: 'text', props: { id: 'n' }, children: [String(this.data.n)] },
          { type: 'text', props: { id: 'note' }, children: [String(this.data.note)] },
        ] };
      },
      ${members}
    }`,
  });
  return top ? `${top}\n${page}` : page;
}

export interface HostileOptions {
  limits?: Partial<Limits>;
  onCall?: (call: GuestCall) => Promise<Outcome<unknown>>;
  pages?: string[];
}

export class Hostile {
  session: Session | null = null;
  readonly updates: unknown[] = [];
  readonly logs: string[] = [];
  readonly calls: GuestCall[] = [];
  /** What `open` or `event` rejected with. */
  readonly rejections: ErrorBody[] = [];
  reason: ErrorBody | null = null;
  /** When the hostile step under test began; reset by each `tap`. */
  startedAt = performance.now();
  endedAt = 0;
  private readonly endedPromise: Promise<ErrorBody>;
  private resolveEnded!: (r: ErrorBody) => void;

  constructor() {
    this.endedPromise = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  onEnded(reason: ErrorBody): void {
    this.reason = reason;
    this.endedAt = performance.now();
    this.resolveEnded(reason);
  }

  /** Whether `open` resolved (a program that breaks a bound while launching never opens). */
  get opened(): boolean {
    return this.session !== null;
  }

  /** Sends a shell event; a rejection is recorded, not thrown. */
  async tap(handler: string, extra: Partial<ShellEvent> = {}): Promise<void> {
    this.startedAt = performance.now();
    try {
      await this.session!.event({ handler, type: 'tap', ...extra });
    } catch (e) {
      this.rejections.push(errorBody(e));
    }
  }

  /** The text of `#note`, where programs report what they found. */
  note(): string {
    return this.session ? text(this.session, 'note') : '';
  }

  /**
   * Waits for the session to end and checks it ended with `code`, within the watchdog's bound for
   * `budgetMs` plus generous slack (a sanity bound only: machines are noisy), and that anything
   * rejected on the way carried the same stable code.
   */
  async expectEnds(code: ErrorCode, budgetMs: number): Promise<ErrorBody> {
    const limit = watchdogBoundMs(budgetMs) + 2000;
    const waited = limit - (performance.now() - this.startedAt) + 200;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, waited)).unref());
    const reason = await Promise.race([this.endedPromise, timeout]);
    expect(reason, `the hostile session did not end within ${limit} ms`).not.toBeNull();
    expect(reason!.code, reason!.message).toBe(code);
    expect(this.endedAt - this.startedAt).toBeLessThan(limit);
    for (const r of this.rejections) expect(r.code).toBe(code);
    return reason!;
  }

  /** For errors the sandbox contains without ending the session: it still answers its probe. */
  async expectStillAnswers(): Promise<void> {
    expect(this.reason).toBeNull();
    const before = Number(text(this.session!, 'n'));
    await this.tap('probe');
    expect(this.rejections).toEqual([]);
    expect(this.reason).toBeNull();
    expect(text(this.session!, 'n')).toBe(String(before + 1));
  }

  /** Everything the hostile session produced, as one string to search. */
  produced(): string {
    return JSON.stringify([this.updates, this.session?.view ?? null, this.logs, this.calls, this.rejections, this.reason]);
  }
}

/** Opens a hostile program in its own merchant; a failed open is recorded, not thrown. */
export async function openHostile(rt: Runtime, bundle: string, options: HostileOptions = {}): Promise<Hostile> {
  const h = new Hostile();
  try {
    h.session = await rt.open({
      merchantId: HOSTILE_MERCHANT,
      appId: 'evil-app',
      bundle,
      pages: pageConfig(options.pages ?? ['pages/index']),
      limits: options.limits,
      onCall: async (call) => {
        h.calls.push(call);
        return options.onCall ? options.onCall(call) : { ok: true, data: null };
      },
      listener: {
        update: (u) => h.updates.push(u),
        log: (level, line) => h.logs.push(`${level} ${line}`),
        ended: (reason) => h.onEnded(reason),
      },
    });
  } catch (e) {
    h.rejections.push(errorBody(e));
  }
  return h;
}

/** Waits for work a program finishes across several entries (an async handler awaiting the host). */
export async function until(done: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The neighbours still answer correctly, and nothing of theirs shows in what the hostile produced. */
export async function expectContained(h: Hostile, neighbours: Neighbours): Promise<void> {
  await neighbours.expectAnswer();
  expect(h.produced()).not.toContain(SECRET);
}

/**
 * For errors contained without ending the session: it still answers its probe, the neighbours are
 * untouched, and it closes cleanly.
 */
export async function expectSurvivedAndContained(h: Hostile, neighbours: Neighbours): Promise<void> {
  await h.expectStillAnswers();
  await expectContained(h, neighbours);
  await h.session!.close();
}

/**
 * The topology every hostile file runs in: two shards, a healthy neighbour merchant on each, the
 * runtime shut down after the file. `ready` receives them once they are up. With
 * `pollutionCheck`, every test also proves the host's Object.prototype stayed clean.
 */
export function withTopology(ready: (rt: Runtime, neighbours: Neighbours) => void, options: { pollutionCheck?: boolean } = {}): void {
  let rt: Runtime | undefined;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 2 });
    ready(rt, await Neighbours.open(rt, 2));
  });
  afterAll(() => rt?.shutdown());
  if (options.pollutionCheck) {
    afterEach(() => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
}
