import { AtriumError } from '../../../sdk/contract/index.ts';
import type { MsgContext } from './context.ts';
import type { Conversations } from './conversations.ts';
import type { Messages } from './messages.ts';
import { lockConversation, notify, requireMember, type ConversationRow, type Trx } from './post.ts';
import type { SendInput } from './schemas.ts';
import { merchantParty, userParty } from './context.ts';
import type { PartyId } from './tables.ts';
import type { MessageView } from './views.ts';

/** How long after a customer's last message the merchant may answer, and how many times (WeChat's rule). */
export const replyWindow = { hours: 48, messages: 5 } as const;

export type ThreadStatus = 'open' | 'pending' | 'resolved';

/**
 * Customer service: one thread per customer and merchant, opened by the customer. The merchant
 * answers within a window (5 messages in the 48 hours after the customer last wrote), so a
 * merchant can help but not spam; the thread's state (open, pending, resolved) is the merchant's
 * to keep, and a customer writing again opens it again.
 */
export function createServiceThreads(ctx: MsgContext, conversations: Conversations, messages: Messages) {
  const { db, topics } = ctx;

  /** The customer's thread with a merchant, made on first use. */
  async function open(userId: string, merchantId: string): Promise<string> {
    return conversations.pair('service', userParty(userId), merchantParty(merchantId), { merchant_id: merchantId, status: 'open' });
  }

  /** The merchant's answer must fall in the window the customer's last message opened. */
  async function checkWindow(trx: Trx, conv: ConversationRow, merchant: PartyId): Promise<void> {
    const customer = await trx.selectFrom('msg_members').select('member_id').where('conversation_id', '=', conv.id).where('member_id', '!=', merchant).executeTakeFirstOrThrow();
    const last = await trx.selectFrom('msg_messages').select(['seq', 'created_at']).where('conversation_id', '=', conv.id).where('sender_id', '=', customer.member_id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const closes = last ? new Date(Date.parse(last.created_at) + replyWindow.hours * 3600_000) : null;
    if (!last || closes! <= ctx.clock()) {
      throw new AtriumError('reply_window_closed', `You can answer within ${replyWindow.hours} hours of the customer's last message; wait for them to write again.`);
    }
    const { n } = await trx.selectFrom('msg_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', conv.id).where('sender_id', '=', merchant).where('seq', '>', Number(last.seq)).executeTakeFirstOrThrow();
    if (Number(n) >= replyWindow.messages) {
      throw new AtriumError('reply_window_closed', `You can send ${replyWindow.messages} messages after each of the customer's; wait for them to write again.`, { closesAt: closes!.toISOString() });
    }
  }

  /**
   * Sends in a service thread: the merchant within its window; the customer any time, which opens
   * a pending or resolved thread again.
   */
  async function send(sender: PartyId, conversationId: string, input: SendInput): Promise<MessageView> {
    return messages.send(sender, conversationId, input, {
      beforeSend: async (trx, conv) => {
        if (conv.kind !== 'service') return;
        if (sender.startsWith('m:')) return checkWindow(trx, conv, sender);
        if (conv.status !== 'open') await trx.updateTable('msg_conversations').set({ status: 'open' }).where('id', '=', conv.id).execute();
      },
    });
  }

  /**
   * The merchant's welcome to a person who just reached it (scanned its code): sent in their
   * thread even though they have not written yet, as a reply to their arrival. The caller sends it
   * once per arrival.
   */
  async function welcome(userId: string, merchantId: string, text: string): Promise<MessageView> {
    const id = await open(userId, merchantId);
    return messages.send(merchantParty(merchantId), id, { kind: 'text', text: text.slice(0, ctx.limits.textChars) });
  }

  /** The merchant files a thread as open, pending (waiting on the customer) or resolved. */
  async function setStatus(merchant: PartyId, conversationId: string, status: ThreadStatus): Promise<void> {
    await topics.write(async (t, emit) => {
      const trx = t as Trx;
      const conv = await lockConversation(trx, conversationId).catch(() => {
        throw new AtriumError('not_found', 'No such conversation.');
      });
      await requireMember(trx, conversationId, merchant);
      if (conv.kind !== 'service' || conv.merchant_id !== merchant.slice(2)) throw new AtriumError('not_found', 'No such conversation.');
      if (conv.status === status) return;
      await trx.updateTable('msg_conversations').set({ status }).where('id', '=', conversationId).execute();
      await notify(emit, [merchant], { t: 'changed', c: conversationId });
    });
  }

  return { open, send, welcome, setStatus };
}

export type ServiceThreads = ReturnType<typeof createServiceThreads>;
