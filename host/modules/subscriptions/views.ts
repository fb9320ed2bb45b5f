/** A user's unused subscriptions to one template of one app, as Me lists them. */
export interface SubscriptionSummary {
  appId: string;
  appName: string;
  templateId: string;
  /** The template's title as the user last accepted it. */
  title: string;
  /** Messages of this template the app may still send: one per acceptance not yet used. */
  unused: number;
  lastAcceptedAt: string;
}

/** A subscription message as the merchant API answers a send. */
export interface SentMessage {
  id: string;
  appId: string;
  openid: string;
  templateId: string;
  page: string;
  sentAt: string;
}
