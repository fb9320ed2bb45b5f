export type Channel = 'print' | 'poster' | 'table' | 'badge' | 'live' | 'share' | 'online' | 'other';

/** What happens for a person the first time they scan a code (each once per person and code). */
export interface CodeActions {
  /** Tags put on the lead (the CRM builds contacts from leads). */
  tags?: string[];
  /** One of the merchant's customer groups (its id or handle) the person joins. */
  group?: string;
  /** A message from the merchant in the person's service thread, sent within seconds. */
  welcome?: string;
  /** Credit the code's staff member with the lead. */
  assignStaff?: boolean;
}

export interface QrTables {
  qr_codes: {
    /** Short and opaque: the code in /q/<id>; what it carries lives here, with no length cap to speak of. */
    id: string;
    merchant_id: string;
    app_id: string;
    page: string;
    query: string;
    scene: string;
    name: string;
    campaign: string | null;
    store: string | null;
    staff: string | null;
    channel: Channel;
    batch_id: string | null;
    expires_at: string | null;
    max_scans: number | null;
    /** Counted scans (repeats within the dedupe window are not). */
    scans: number;
    /** People who scanned it at least once. */
    uniques: number;
    /** People whose first touch with the merchant it was. */
    new_customers: number;
    /** People with an order credited to it. */
    payers: number;
    paused: number;
    actions: string;
    /** Made by a program (qr.createCode) for one of its users, rather than by the merchant. */
    made_by: string | null;
    created_at: string;
  };
  qr_scans: {
    id: string;
    code_id: string;
    merchant_id: string;
    user_id: string | null;
    /** A signed-out visitor's own random id, joined to the user when they sign in. */
    visitor_id: string | null;
    at: string;
    source: 'scan' | 'upload' | 'link';
    /** 0 for a repeat by the same person within the dedupe window: recorded, not counted. */
    counted: number;
  };
  /** First and last touch per merchant and person: what an order is attributed to. */
  qr_touches: {
    merchant_id: string;
    user_id: string;
    first_code_id: string;
    first_at: string;
    last_code_id: string;
    last_at: string;
    /** The staff member credited with the person, by the first code that assigns one. */
    staff: string | null;
  };
  /** Counted scans per code and UTC day, kept as scans arrive so charts never count a million rows. */
  qr_daily: { code_id: string; day: string; scans: number };
  /** Orders paid within the attribution window of a touch, credited to its code. */
  qr_attributions: {
    order_id: string;
    merchant_id: string;
    code_id: string;
    user_id: string;
    amount: number;
    currency: string;
    paid_at: string;
    /** The person's first paid order with the merchant. */
    first_order: number;
  };
  /** Credited orders and revenue per code and currency, kept as orders are credited. */
  qr_code_revenue: { code_id: string; currency: string; orders: number; first_orders: number; revenue: number };
  /** Who paid through a code, so a second order of theirs does not count them twice. */
  qr_code_payers: { code_id: string; user_id: string };
  qr_lead_tags: { merchant_id: string; user_id: string; tag: string; code_id: string; at: string };
  /** Actions already run for a person and code, so each runs once. */
  qr_actions_done: { code_id: string; user_id: string; action: string; at: string; error: string | null };
}
