import type { Feed, FeedMessage } from '../../realtime/index.ts';
import { inboxTopic, type MsgContext } from './context.ts';
import type { PartyId } from './tables.ts';
import { messageView, type InboxEvent } from './views.ts';

type Stored = Exclude<InboxEvent, { t: 'message' }> | { t: 'message'; c: string; s: number };

/**
 * A party's inbox as a feed: every event of every conversation it is in, numbered in its own
 * sequence, so one stream with one Last-Event-ID resumes exactly. The log keeps references to
 * messages; read back, they become the messages, as they were heard live.
 */
export function inboxFeed(ctx: MsgContext, party: PartyId): Feed<InboxEvent> {
  return ctx.topics.feed<InboxEvent>(inboxTopic(party), {
    async hydrate(events: FeedMessage<unknown>[]): Promise<FeedMessage<InboxEvent>[]> {
      const refs = (events as FeedMessage<Stored>[]).filter((e) => e.data.t === 'message').map((e) => e.data as { c: string; s: number });
      const rows = refs.length
        ? await ctx.db
            .selectFrom('msg_messages')
            .selectAll()
            .where((eb) => eb.or(refs.map((r) => eb.and([eb('conversation_id', '=', r.c), eb('seq', '=', r.s)]))))
            .execute()
        : [];
      const byKey = new Map(rows.map((r) => [`${r.conversation_id}#${r.seq}`, r]));
      const out: FeedMessage<InboxEvent>[] = [];
      for (const e of events as FeedMessage<Stored>[]) {
        if (e.data.t !== 'message') {
          out.push(e as FeedMessage<InboxEvent>);
          continue;
        }
        const row = byKey.get(`${e.data.c}#${e.data.s}`);
        if (!row) continue;
        const name = row.sender_id === 'system' ? '' : await ctx.nameOf(row.sender_id as PartyId);
        out.push({ id: e.id, data: { t: 'message', c: e.data.c, message: messageView(row, name) } });
      }
      return out;
    },
  });
}
