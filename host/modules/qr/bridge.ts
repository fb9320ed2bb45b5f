import { AtriumError, type HostImplementation } from '../../../sdk/contract/index.ts';
import type { BridgeContext } from '../../bridge/context.ts';
import type { Qr } from './service.ts';

/** The scene the host checked when the session opened from a scan (sessions keep it through eviction). */
interface QrScene {
  source: 'qr';
  codeId: string;
  scene: string;
  firstScanAt: string;
}

const isQrScene = (s: unknown): s is QrScene => typeof s === 'object' && s !== null && (s as { source?: unknown }).source === 'qr';

/**
 * `qr`: which code opened this session (only ever a scan the host recorded), and codes a program
 * makes for its users to share, counted and credited like the merchant's own.
 */
export function qrBridge(qr: Qr, homeOf: (appId: string, versionId: string) => Promise<string>): HostImplementation<BridgeContext>['qr'] {
  return {
    async getScene(ctx) {
      if (!isQrScene(ctx.scene)) return null;
      return { scene: ctx.scene.scene, codeId: ctx.scene.codeId, firstScanAt: ctx.scene.firstScanAt };
    },
    async createCode(ctx, a) {
      const page = await homeOf(ctx.appId, ctx.versionId);
      const code = await qr.codes.create(ctx.merchantId, { appId: ctx.appId, page, scene: a.scene, name: a.label ?? 'Shared by a customer', channel: 'share' }, ctx.userId);
      if (!code) throw new AtriumError('internal');
      return { codeId: code.codeId, url: qr.codes.linkOf(code.codeId), imageUrl: `/api/qr/${code.codeId}/image?format=png&size=512` };
    },
  };
}
