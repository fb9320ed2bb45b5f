import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { sortableId } from '../../db/index.ts';
import type { Channel, CodeActions, QrTables } from './tables.ts';

type CodeRow = QrTables['qr_codes'];

export interface CodeInput {
  appId: string;
  page: string;
  query?: Record<string, string>;
  scene: string;
  name: string;
  campaign?: string;
  store?: string;
  staff?: string;
  channel: Channel;
  expiresAt?: string;
  maxScans?: number;
  actions?: CodeActions;
}

export interface CodeView {
  codeId: string;
  appId: string;
  page: string;
  query: Record<string, string>;
  scene: string;
  name: string;
  campaign: string | null;
  store: string | null;
  staff: string | null;
  channel: Channel;
  batchId: string | null;
  expiresAt: string | null;
  maxScans: number | null;
  scans: number;
  uniques: number;
  paused: boolean;
  actions: CodeActions;
  /** Whether a scan now would open the program, and if not, why. */
  state: 'live' | 'paused' | 'expired' | 'used_up';
  createdAt: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A short opaque id: 10 characters of an alphabet without look-alikes, about 58 bits. */
function codeId(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function stateOf(r: Pick<CodeRow, 'paused' | 'expires_at' | 'max_scans' | 'scans'>, now: Date): CodeView['state'] {
  if (Number(r.paused) === 1) return 'paused';
  if (r.expires_at && r.expires_at <= now.toISOString()) return 'expired';
  if (r.max_scans !== null && Number(r.scans) >= Number(r.max_scans)) return 'used_up';
  return 'live';
}

export function codeView(r: CodeRow, now: Date): CodeView {
  return {
    codeId: r.id, appId: r.app_id, page: r.page, query: JSON.parse(r.query), scene: r.scene, name: r.name, campaign: r.campaign, store: r.store, staff: r.staff,
    channel: r.channel, batchId: r.batch_id, expiresAt: r.expires_at, maxScans: r.max_scans === null ? null : Number(r.max_scans), scans: Number(r.scans), uniques: Number(r.uniques),
    paused: Number(r.paused) === 1, actions: JSON.parse(r.actions), state: stateOf(r, now), createdAt: r.created_at,
  };
}

/**
 * QR codes: short ids standing for a program, a page, a scene and the labels a merchant counts by
 * (campaign, store, staff member, channel), made one at a time or in batches, paused and resumed,
 * with an expiry and a cap on scans if wanted; drawn as PNG or SVG by a kept QR library.
 */
export function createCodes(db: Kysely<QrTables>, clock: () => Date, linkOf: (codeId: string) => string) {
  function row(merchantId: string, input: CodeInput, batchId: string | null, madeBy: string | null): CodeRow {
    return {
      id: codeId(), merchant_id: merchantId, app_id: input.appId, page: input.page, query: JSON.stringify(input.query ?? {}), scene: input.scene,
      name: input.name, campaign: input.campaign ?? null, store: input.store ?? null, staff: input.staff ?? null, channel: input.channel, batch_id: batchId,
      expires_at: input.expiresAt ?? null, max_scans: input.maxScans ?? null, scans: 0, uniques: 0, new_customers: 0, payers: 0, paused: 0, actions: JSON.stringify(input.actions ?? {}), made_by: madeBy,
      created_at: clock().toISOString(),
    };
  }

  async function create(merchantId: string, input: CodeInput, madeBy: string | null = null): Promise<CodeView> {
    const r = row(merchantId, input, null, madeBy);
    await db.insertInto('qr_codes').values(r).execute();
    return codeView(r, clock());
  }

  /**
   * Many codes at once, one per item (a staff member, a table): each its own name, scene and
   * labels over shared ones, all in one batch the console prints as a sheet.
   */
  async function batch(merchantId: string, shared: Omit<CodeInput, 'name' | 'scene'>, items: { name: string; scene: string; staff?: string; store?: string }[]): Promise<{ batchId: string; codes: CodeView[] }> {
    const batchId = `bat_${sortableId()}`;
    const rows = items.map((i) => row(merchantId, { ...shared, ...i }, batchId, null));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('qr_codes').values(rows.slice(i, i + 200)).execute();
    });
    const now = clock();
    return { batchId, codes: rows.map((r) => codeView(r, now)) };
  }

  async function get(merchantId: string, id: string): Promise<CodeView> {
    const r = await db.selectFrom('qr_codes').selectAll().where('id', '=', id).where('merchant_id', '=', merchantId).executeTakeFirst();
    if (!r) throw new AtriumError('not_found', 'No such code.');
    return codeView(r, clock());
  }

  /** Any code by its id, for scanning: whoever holds a code may scan it. */
  async function find(id: string): Promise<CodeRow | undefined> {
    return db.selectFrom('qr_codes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function list(merchantId: string, filter: { batchId?: string; campaign?: string; appId?: string; before?: string; limit?: number } = {}): Promise<CodeView[]> {
    let q = db.selectFrom('qr_codes').selectAll().where('merchant_id', '=', merchantId);
    if (filter.batchId) q = q.where('batch_id', '=', filter.batchId);
    if (filter.campaign) q = q.where('campaign', '=', filter.campaign);
    if (filter.appId) q = q.where('app_id', '=', filter.appId);
    if (filter.before) q = q.where('id', '<', filter.before);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.min(filter.limit ?? 100, 1000)).execute();
    const now = clock();
    return rows.map((r) => codeView(r, now));
  }

  /** Pauses or resumes a code, or changes its expiry or cap; what it opens never changes. */
  async function update(merchantId: string, id: string, change: { paused?: boolean; expiresAt?: string | null; maxScans?: number | null; name?: string }): Promise<CodeView> {
    const set: Partial<CodeRow> = {};
    if (change.paused !== undefined) set.paused = change.paused ? 1 : 0;
    if (change.expiresAt !== undefined) set.expires_at = change.expiresAt;
    if (change.maxScans !== undefined) set.max_scans = change.maxScans;
    if (change.name !== undefined) set.name = change.name;
    if (Object.keys(set).length) {
      const r = await db.updateTable('qr_codes').set(set).where('id', '=', id).where('merchant_id', '=', merchantId).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AtriumError('not_found', 'No such code.');
    }
    return get(merchantId, id);
  }

  /** The code as an image of its link: PNG at `size` pixels or SVG, with the error correction asked for. */
  async function image(id: string, o: { format: 'png' | 'svg'; size: number; level: 'L' | 'M' | 'Q' | 'H' }): Promise<{ type: string; body: Uint8Array | string }> {
    const options = { errorCorrectionLevel: o.level, margin: 2, width: o.size } as const;
    if (o.format === 'svg') return { type: 'image/svg+xml', body: await QRCode.toString(linkOf(id), { ...options, type: 'svg' }) };
    return { type: 'image/png', body: new Uint8Array(await QRCode.toBuffer(linkOf(id), { ...options, type: 'png' })) };
  }

  return { create, batch, get, find, list, update, image, linkOf };
}

export type Codes = ReturnType<typeof createCodes>;
