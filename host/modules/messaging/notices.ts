import { forUpdate } from '../../db/index.ts';
import type { Emit } from '../../realtime/index.ts';
import { userParty, type MsgContext } from './context.ts';
import type { Conversations } from './conversations.ts';
import { activeMember, notify, post, type Trx } from './post.ts';
import type { MessageView, NoticeBody } from './views.ts';

/**
 * Service notifications: one conversation per user (kind `notices`), made on first use, where apps'
 * notices land as `notice` messages. Nobody answers in it; only the host posts.
 */
export function createNotices(ctx: MsgContext, conversations: Conversations) {
  /**
   * Posts a notice to `userId`'s service notifications inside the caller's transaction, so the
   * notice exists if and only if what it tells of committed. The transaction must be a
   * `topics.write` of the caller's own (not one it joined), so the user's inbox stream hears it
   * as soon as it commits.
   */
  async function deliver(trx: Trx, emit: Emit, userId: string, body: NoticeBody): Promise<MessageView> {
    const user = userParty(userId);
    const key = `notices:${user}`;
    // Two first notices at once make one conversation: the second insert waits on the first's key, then does nothing.
    await trx
      .insertInto('msg_conversations')
      .values(conversations.newRow('notices', 'system', { pair_key: key, member_cap: 1 }))
      .onConflict((oc) => oc.column('pair_key').doNothing())
      .execute();
    const conv = await forUpdate(trx, trx.selectFrom('msg_conversations').selectAll().where('pair_key', '=', key)).executeTakeFirstOrThrow();
    if (!(await activeMember(trx, conv.id, user))) {
      await conversations.addMember(trx, conv, user, 'member');
      await notify(emit, [user], { t: 'joined', c: conv.id });
    }
    return post(ctx, trx, emit, conv, { sender: 'system', kind: 'notice', body: { ...body } });
  }

  /** The user's service notifications, if they have had any. */
  async function conversationOf(userId: string): Promise<string | null> {
    const row = await ctx.db.selectFrom('msg_conversations').select('id').where('pair_key', '=', `notices:${userParty(userId)}`).executeTakeFirst();
    return row?.id ?? null;
  }

  return { deliver, conversationOf };
}

export type Notices = ReturnType<typeof createNotices>;
