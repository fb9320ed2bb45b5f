/** The webhooks module's tables (migrations.ts makes them). */
export interface WebhooksTables {
  webhook_endpoints: {
    id: string;
    merchant_id: string;
    url: string;
    /** `whsec_` + base64 of the signing key (Standard Webhooks). */
    secret: string;
    /** JSON array of event types, or ["*"]. */
    events: string;
    enabled: number;
    created_at: string;
  };
  /** The outbox: one row per event, written in the transaction of the change it announces. */
  webhook_events: {
    id: string;
    merchant_id: string;
    type: string;
    /** The exact body every endpoint receives. */
    payload: string;
    created_at: string;
    /** 1 once a delivery row exists for each endpoint that wants it. */
    fanned_out: number;
    /** The id of what the event is about (the events contract names the field): an order so far. */
    subject: string | null;
  };
  webhook_deliveries: {
    id: string;
    event_id: string;
    endpoint_id: string;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    next_attempt_at: string | null;
    /** A worker's claim on the delivery until this time, so two workers never send it at once. */
    leased_until: string | null;
    last_status: number | null;
    last_error: string | null;
    delivered_at: string | null;
    created_at: string;
  };
  webhook_attempts: {
    id: string;
    delivery_id: string;
    at: string;
    status: number | null;
    error: string | null;
    duration_ms: number;
  };
  /** The host's own reactions to events, one row per event and consumer (reactions.ts). */
  webhook_reactions: {
    event_id: string;
    consumer: string;
    status: 'pending' | 'done' | 'failed';
    attempts: number;
    next_at: string;
    last_error: string | null;
    done_at: string | null;
  };
}
