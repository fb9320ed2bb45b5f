import { AtriumError, type Json } from '../../sdk/contract/index.ts';
import type { ModuleHost } from '../module.ts';
import type { Via } from '../sessions/index.ts';

/**
 * The scene a program is opened with when the host can vouch for how: a card shared in a chat
 * the user can read, for this very program (the program learns who shared, as their openid, never
 * the chat); or a QR code the user scanned (which code, its scene, when they first scanned it).
 */
export function launchScenes(host: ModuleHost) {
  return async function sceneOf(userId: string, appId: string, via: Via): Promise<Json> {
    if (via.share) {
      const { conversationId, seq } = via.share;
      const [card] = await host.get('messaging').messages.history(`u:${userId}`, conversationId, { after: seq - 1, limit: 1 });
      if (!card || card.seq !== seq || card.removed || (card.kind !== 'program' && card.kind !== 'product') || card.body?.appId !== appId) {
        throw new AtriumError('invalid_request', 'That card does not open this program.');
      }
      const sharer = card.sender.id.startsWith('u:') ? host.get('identity').openidFor(appId, card.sender.id.slice(2)) : null;
      return { source: 'share', sharer };
    }
    if (via.scan) {
      const { scan, firstScanAt } = await host.get('qr').scans.ofUser(via.scan, userId);
      const code = await host.get('qr').codes.find(scan.code_id);
      if (!code || code.app_id !== appId) throw new AtriumError('invalid_request', 'That scan does not open this program.');
      return { source: 'qr', codeId: code.id, scene: code.scene, firstScanAt };
    }
    throw new AtriumError('invalid_request', 'Say how the program was opened.');
  };
}
