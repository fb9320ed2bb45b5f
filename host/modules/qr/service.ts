import type { Kysely } from 'kysely';
import { createActions, type ActionPorts } from './actions.ts';
import { createAttribution } from './attribution.ts';
import { createCodes } from './codes.ts';
import { createQrPersonalData } from './personal.ts';
import { createReports } from './reports.ts';
import { createScans, type Scanner } from './scans.ts';
import type { QrTables } from './tables.ts';

export interface QrOptions {
  db: Kysely<any>;
  /** The link a code stands for: `<origin>/q/<code>`. */
  linkOf(codeId: string): string;
  ports: ActionPorts;
  /** Days after a touch within which an order is credited to it; 7 unless told. */
  attributionDays?: number;
  log?: (line: string) => void;
  clock?: () => Date;
}

/**
 * QR lead capture: codes, scans (with visitors joined to users when they sign in), first and
 * last touch, actions on a first scan, orders credited to codes, and the numbers over them.
 */
export function createQr(options: QrOptions) {
  const db = options.db as Kysely<QrTables>;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => {});
  const codes = createCodes(db, clock, options.linkOf);
  const scans = createScans(db, clock);
  const actions = createActions(db, clock, options.ports, log);
  // Actions run after the scan is answered; kept here so a test (or shutdown) can wait for them.
  const running = new Set<Promise<void>>();
  const later = (work: Promise<void>) => {
    const p = work.catch((e: unknown) => log(`QR actions failed: ${(e as Error).message}`)).finally(() => running.delete(p));
    running.add(p);
  };

  /** Records a scan, and for a user's first counted scan of the code, sets its actions going. */
  async function scan(codeId: string, who: Scanner, source: QrTables['qr_scans']['source']) {
    const result = await scans.record(codeId, who, source);
    if (who.userId && result.counted) later(actions.run(result.code, who.userId));
    return result;
  }

  /** A visitor signed in: their scans are theirs now, and the actions of the codes they scanned run. */
  async function claim(visitorId: string, userId: string): Promise<number> {
    const codeIds = await scans.claim(visitorId, userId);
    for (const id of codeIds) {
      const code = await codes.find(id);
      if (code) later(actions.run(code, userId));
    }
    return codeIds.length;
  }

  return {
    codes,
    scans,
    scan,
    claim,
    attribution: createAttribution(db, options.attributionDays ?? 7),
    reports: createReports(db),
    /** A user's QR data, for their export and erasure. */
    personal: createQrPersonalData(db),
    /** Resolves once the actions set going so far have run. */
    idle: () => Promise.all([...running]).then(() => {}),
  };
}

export type Qr = ReturnType<typeof createQr>;
