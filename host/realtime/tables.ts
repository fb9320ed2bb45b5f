export interface RealtimeTables {
  realtime_topics: { topic: string; last_seq: number };
  realtime_events: { topic: string; seq: number; data: string; at: string };
}
