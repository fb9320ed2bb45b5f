/**
 * The real-time layer: topics on a bus (in-process by default) with a lifecycle, durable
 * sequenced logs for what must not be lost, and one way to stream either to a browser as
 * server-sent events with resume, heartbeats, back-pressure and a per-account cap.
 */
export type { Bus, BusMessage, Subscription } from './bus.ts';
export { createMemoryBus, type MemoryBusOptions } from './memory-bus.ts';
export { busFeed, type Feed, type FeedMessage } from './feed.ts';
export { createTopicLog, type TopicLog, type Emit } from './log.ts';
export { streamFeed, lastEventIdOf, type StreamOptions } from './sse.ts';
export { streamLimits, type StreamLimits } from './connections.ts';
export { realtimeMigrations } from './migrations.ts';
export type { RealtimeTables } from './tables.ts';
