import type { Kysely } from 'kysely';
import type { TopicLog } from '../../realtime/index.ts';
import type { MessagingTables, PartyId } from './tables.ts';

export interface MessagingLimits {
  /** Messages one member may send in a minute, across conversations (WeCom's 200). */
  sendsPerMinute: number;
  /** Characters of one text message. */
  textChars: number;
  /** Members of a group a user makes, and the most a merchant may allow its customer groups. */
  groupCap: number;
  merchantGroupCap: number;
  /** Bytes of one uploaded image. */
  imageBytes: number;
}

export const defaultMessagingLimits: MessagingLimits = {
  sendsPerMinute: 200,
  textChars: 4000,
  groupCap: 500,
  merchantGroupCap: 2000,
  imageBytes: 5 * 1024 * 1024,
};

/** What the messaging parts share. */
export interface MsgContext {
  db: Kysely<MessagingTables>;
  topics: TopicLog;
  clock: () => Date;
  limits: MessagingLimits;
  /**
   * Who a party is, for the names shown beside their messages. Called inside a transaction, it
   * is given that transaction, so it reads on the same connection instead of waiting for another.
   */
  nameOf(party: PartyId, within?: Kysely<any>): Promise<string>;
}

/** A party's inbox: the durable topic its shell or console follows for every conversation it is in. */
export const inboxTopic = (party: PartyId) => `inbox:${party}`;

export const userParty = (userId: string): PartyId => `u:${userId}`;
export const merchantParty = (merchantId: string): PartyId => `m:${merchantId}`;
