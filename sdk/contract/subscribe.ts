import { z } from 'zod';
import { method } from './define.ts';
import { templateIdSchema } from './templates.ts';

/** Subscription messages: the user allows the merchant to send one message per acceptance. */
export const subscribe = {
  /**
   * Asks the user, in a host-drawn prompt naming the program and each template's title, to accept
   * messages from up to three of the templates declared under `subscriptions` in `atrium.json`.
   * Each acceptance lets the merchant's backend send that template once (to the user's service
   * notifications); accepting again adds another send. Only from the handler of the user's tap,
   * before any await (`gesture_required` otherwise); an id the manifest does not declare is
   * `invalid_args`. A prompt the user closes, or leaves unanswered, rejects every template.
   * @example
   * async notifyMe() {
   *   const { results } = await subscribe.requestSubscribe({ templateIds: ['order-shipped'] });
   *   if (results['order-shipped'] === 'accept') void ui.toast({ title: "We'll tell you when it ships" });
   * }
   */
  requestSubscribe: method({
    args: z
      .object({
        templateIds: z
          .array(templateIdSchema)
          .min(1)
          .max(3)
          .refine((ids) => new Set(ids).size === ids.length, 'each template once'),
      })
      .strict(),
    result: z.object({ results: z.record(templateIdSchema, z.enum(['accept', 'reject'])) }),
    scope: 'subscribe',
    gesture: true,
  }),
};
