import { AtriumError } from '../../../sdk/contract/index.ts';
import type { MsgContext } from './context.ts';

/** Following a merchant: the user's choice, undone as easily as made. */
export function createFollows(ctx: MsgContext, merchantExists: (merchantId: string) => Promise<boolean>) {
  const { db } = ctx;

  async function follow(userId: string, merchantId: string): Promise<void> {
    if (!(await merchantExists(merchantId))) throw new AtriumError('not_found', 'No such merchant.');
    await db.insertInto('msg_follows').values({ user_id: userId, merchant_id: merchantId, followed_at: ctx.clock().toISOString() }).onConflict((oc) => oc.columns(['user_id', 'merchant_id']).doNothing()).execute();
  }

  async function unfollow(userId: string, merchantId: string): Promise<void> {
    await db.deleteFrom('msg_follows').where('user_id', '=', userId).where('merchant_id', '=', merchantId).execute();
  }

  async function following(userId: string, merchantId: string): Promise<boolean> {
    return !!(await db.selectFrom('msg_follows').select('user_id').where('user_id', '=', userId).where('merchant_id', '=', merchantId).executeTakeFirst());
  }

  async function followerCount(merchantId: string): Promise<number> {
    const { n } = await db.selectFrom('msg_follows').select((eb) => eb.fn.countAll<number>().as('n')).where('merchant_id', '=', merchantId).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The merchants a user follows, newest first. */
  async function mine(userId: string): Promise<{ merchantId: string; followedAt: string }[]> {
    const rows = await db.selectFrom('msg_follows').select(['merchant_id', 'followed_at']).where('user_id', '=', userId).orderBy('followed_at', 'desc').limit(500).execute();
    return rows.map((r) => ({ merchantId: r.merchant_id, followedAt: r.followed_at }));
  }

  return { follow, unfollow, following, followerCount, mine, exists: merchantExists };
}

export type Follows = ReturnType<typeof createFollows>;
