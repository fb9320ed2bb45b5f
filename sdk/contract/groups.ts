import { z } from 'zod';
import { method } from './define.ts';

const groupId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, _ and -');
const role = z.enum(['owner', 'admin', 'member']);

/** The merchant's group chats, as the current user: join, leave, list, talk and invite. */
export const groups = {
  /**
   * Adds the current user to one of the merchant's groups, with an invite code unless the group
   * is open; joining a group the user is already in just gives back their role.
   * @example
   * const { role } = await groups.join({ groupId: 'vip-shanghai' });
   */
  join: method({
    args: z
      .object({ groupId, inviteCode: z.string().min(1).max(64).regex(/^[\w-]+$/).optional() })
      .strict(),
    result: z.object({ groupId, role }),
    scope: 'groups',
  }),
  /**
   * Takes the current user out of a group (nothing happens if they are not in it).
   * @example
   * await groups.leave({ groupId: 'vip-shanghai' });
   */
  leave: method({ args: z.object({ groupId }).strict(), result: z.null(), scope: 'groups' }),
  /**
   * Lists the merchant's groups the current user is in.
   * @example
   * const { groups: mine } = await groups.listMine();
   * this.setData({ groups: mine });
   */
  listMine: method({
    args: z.undefined().optional(),
    result: z.object({
      groups: z
        .array(
          z.object({
            groupId,
            name: z.string().max(60),
            role,
            memberCount: z.number().int().nonnegative().max(100_000),
            muted: z.boolean(),
          }),
        )
        .max(500),
    }),
    scope: 'groups',
  }),
  /**
   * Posts a text message to a group as the current user; rejects with `forbidden` if they are not
   * a member or are muted there.
   * @example
   * const { messageId } = await groups.sendMessage({ groupId: 'vip-shanghai', text: 'Is the oolong back in stock?' });
   */
  sendMessage: method({
    args: z.object({ groupId, text: z.string().trim().min(1).max(2000) }).strict(),
    result: z.object({ messageId: z.string().min(1).max(64), sentAt: z.iso.datetime() }),
    scope: 'groups',
  }),
  /**
   * Makes an invite to a group the current user is in, as a code and a link others can open to join.
   * @example
   * const { url } = await groups.createInvite({ groupId: 'vip-shanghai' });
   * this.setData({ inviteUrl: url });
   */
  createInvite: method({
    args: z
      .object({ groupId, expiresInHours: z.number().int().min(1).max(24 * 30).optional() })
      .strict(),
    result: z.object({
      inviteCode: z.string().min(1).max(64),
      url: z.string().max(1024),
      expiresAt: z.iso.datetime(),
    }),
    scope: 'groups',
  }),
};
