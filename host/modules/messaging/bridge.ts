import { AtriumError, type HostImplementation } from '../../../sdk/contract/index.ts';
import type { BridgeContext } from '../../bridge/context.ts';
import { userParty } from './context.ts';
import type { Messaging } from './service.ts';

/**
 * `groups`: a program reaches the groups of its own merchant only, as the current user; the
 * program names a group by the handle its merchant gave it (or its id).
 */
export function groupsBridge(m: Messaging, inviteUrl: (code: string) => string): HostImplementation<BridgeContext>['groups'] {
  const { db } = m.ctx;

  async function find(ctx: BridgeContext, groupId: string): Promise<{ id: string; handle: string | null }> {
    const row = await db
      .selectFrom('msg_conversations')
      .select(['id', 'handle'])
      .where('kind', '=', 'group')
      .where('merchant_id', '=', ctx.merchantId)
      .where((eb) => eb.or([eb('handle', '=', groupId), eb('id', '=', groupId)]))
      .orderBy('handle')
      .executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `The merchant has no group "${groupId}".`);
    return row;
  }

  /** Members only: a program cannot act for its user in a group they are not in. */
  async function asMember(ctx: BridgeContext, groupId: string) {
    const g = await find(ctx, groupId);
    const member = await db.selectFrom('msg_members').select('role').where('conversation_id', '=', g.id).where('member_id', '=', userParty(ctx.userId)).where('left_at', 'is', null).executeTakeFirst();
    if (!member) throw new AtriumError('forbidden', 'You are not in that group.');
    return g;
  }

  return {
    async join(ctx, a) {
      const g = await find(ctx, a.groupId);
      const joined = await m.groups.join(userParty(ctx.userId), g.id, a.inviteCode);
      return { groupId: g.handle ?? g.id, role: joined.role };
    },
    async leave(ctx, a) {
      const g = await find(ctx, a.groupId).catch(() => null);
      if (g) await m.groups.leave(userParty(ctx.userId), g.id);
      return null;
    },
    async listMine(ctx) {
      const mine = (await m.conversations.list(userParty(ctx.userId), { kind: 'group' })).filter((c) => c.merchantId === ctx.merchantId);
      return { groups: mine.map((c) => ({ groupId: c.handle ?? c.id, name: c.title.slice(0, 60), role: c.role, memberCount: c.memberCount, muted: c.muteAll && c.role === 'member' ? true : c.mutedUntil !== null })) };
    },
    async sendMessage(ctx, a) {
      const g = await asMember(ctx, a.groupId);
      const sent = await m.messages.send(userParty(ctx.userId), g.id, { kind: 'text', text: a.text });
      return { messageId: sent.id, sentAt: sent.sentAt };
    },
    async createInvite(ctx, a) {
      const g = await asMember(ctx, a.groupId);
      const invite = await m.groups.invite(userParty(ctx.userId), g.id, { expiresInHours: a.expiresInHours });
      return { inviteCode: invite.code, url: inviteUrl(invite.code), expiresAt: invite.expiresAt };
    },
  };
}

/**
 * `crm.follow` and `crm.unfollow`: the user follows the program's merchant, or stops. The rest of
 * `crm` waits for the CRM (planned in the contract, refused alike by every host).
 */
export function followBridge(m: Messaging): HostImplementation<BridgeContext>['crm'] {
  const planned = async (): Promise<never> => {
    throw new AtriumError('not_implemented');
  };
  return {
    recordEvent: planned,
    setAttributes: planned,
    async follow(ctx) {
      await m.follows.follow(ctx.userId, ctx.merchantId);
      return { following: true as const };
    },
    async unfollow(ctx) {
      await m.follows.unfollow(ctx.userId, ctx.merchantId);
      return { following: false as const };
    },
  };
}
