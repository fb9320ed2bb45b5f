import type { Kysely } from 'kysely';
import type { TopicLog } from '../../realtime/index.ts';
import { defaultMessagingLimits, type MessagingLimits, type MsgContext } from './context.ts';
import { createConversations } from './conversations.ts';
import { createFollows } from './follows.ts';
import { createServiceThreads } from './service-threads.ts';
import { createGroups } from './groups.ts';
import { createImages } from './images.ts';
import { inboxFeed } from './inbox.ts';
import { createMessages } from './messages.ts';
import { createNotices } from './notices.ts';
import { createPersonalData } from './personal.ts';
import { createReports } from './reports.ts';
import type { MessagingTables, PartyId } from './tables.ts';

export interface MessagingOptions {
  db: Kysely<any>;
  topics: TopicLog;
  /** A party's display name (a user's or a merchant's), for what members see beside messages. */
  displayName(party: PartyId, within?: Kysely<any>): Promise<string | undefined>;
  /** Whether a merchant account exists, before a user follows or writes to it. */
  merchantExists(merchantId: string): Promise<boolean>;
  limits?: Partial<MessagingLimits>;
  clock?: () => Date;
}

/** Names change seldom and every message shows one: kept for a minute, at most a few thousand. */
function cachedNames(lookup: MessagingOptions['displayName'], clock: () => Date): MsgContext['nameOf'] {
  const cache = new Map<string, { name: string; until: number }>();
  return async (party, within) => {
    const now = clock().getTime();
    const hit = cache.get(party);
    if (hit && hit.until > now) return hit.name;
    const name = (await lookup(party, within)) ?? 'Someone';
    if (cache.size > 5000) cache.delete(cache.keys().next().value!);
    cache.set(party, { name, until: now + 60_000 });
    return name;
  };
}

/**
 * Messaging: conversations of every kind on one model, numbered messages, exact unread counts,
 * groups with roles and invites, images, reports; every party's inbox a durable feed.
 */
export function createMessaging(options: MessagingOptions) {
  const clock = options.clock ?? (() => new Date());
  const ctx: MsgContext = {
    db: options.db as Kysely<MessagingTables>,
    topics: options.topics,
    clock,
    limits: { ...defaultMessagingLimits, ...options.limits },
    nameOf: cachedNames(options.displayName, clock),
  };
  const conversations = createConversations(ctx);
  const messages = createMessages(ctx);
  const threads = createServiceThreads(ctx, conversations, messages);
  const groups = createGroups(ctx, conversations);
  return {
    conversations,
    messages,
    /** Sends a message by the rules of its conversation's kind (a service thread's reply window). */
    send: threads.send,
    threads,
    follows: createFollows(ctx, options.merchantExists),
    groups,
    images: createImages(ctx),
    reports: createReports(ctx, messages),
    notices: createNotices(ctx, conversations),
    inbox: (party: PartyId) => inboxFeed(ctx, party),
    /** A user's messaging data, for their export and erasure. */
    personal: createPersonalData(ctx, groups),
    limits: ctx.limits,
    ctx,
  };
}

export type Messaging = ReturnType<typeof createMessaging>;
