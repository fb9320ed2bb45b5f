import { z } from 'zod';
import { method } from './define.ts';

/** A scene: the text a code carries into the program, e.g. "store=12&staff=7"; up to 8 KiB. */
const scene = z.string().min(1).max(8192);
const codeId = z.string().min(1).max(64);

/** QR codes for lead capture: which code opened the program, and new codes to print or share. */
export const qr = {
  /**
   * Tells which QR code opened the program in this session, and when this user first scanned it;
   * `null` when the program was opened some other way.
   * @example
   * const entry = await qr.getScene();
   * if (entry) this.setData({ store: new URLSearchParams(entry.scene).get('store') });
   */
  getScene: method({
    args: z.undefined().optional(),
    result: z.object({ scene, codeId, firstScanAt: z.iso.datetime() }).nullable(),
    scope: 'qr',
  }),
  /**
   * Creates a QR code that opens this program with the given scene, for example a referral code
   * the user shares; scans of it are recorded and attributed like any other code.
   * @example
   * const { url, imageUrl } = await qr.createCode({ scene: 'ref=u42', label: 'Share with a friend' });
   * this.setData({ qrImage: imageUrl });
   */
  createCode: method({
    args: z.object({ scene, label: z.string().min(1).max(60).optional() }).strict(),
    result: z.object({ codeId, url: z.string().max(1024), imageUrl: z.string().max(1024) }),
    scope: 'qr',
  }),
};
