import { AtriumError, type Json } from '../../sdk/contract/index.ts';
import type { ModuleHost } from '../module.ts';
import type { Via } from '../sessions/index.ts';

/**
 * The scene a program is opened with when the host can vouch for how: a card shared in a chat
 * the user can read, for this very program. The program learns it came from a share and who
 * shared (their openid for this program, so a merchant can credit them), never the chat.
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
    throw new AtriumError('invalid_request', 'Say how the program was opened.');
  };
}
