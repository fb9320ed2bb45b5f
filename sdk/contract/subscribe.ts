import { z } from 'zod';
import { method } from './define.ts';

const templateId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, _ and -');

/** Subscription messages: the user allows the merchant to send one message per acceptance. */
export const subscribe = {
  /**
   * Asks the user, in a host-drawn prompt, to accept messages from up to three of the merchant's
   * approved templates; each acceptance lets the merchant's backend send that template once.
   * @example
   * const { results } = await subscribe.requestSubscribe({ templateIds: ['order-shipped', 'restock'] });
   * if (results['order-shipped'] === 'accept') await ui.toast({ title: "We'll tell you when it ships" });
   */
  requestSubscribe: method({
    planned: true,
    args: z
      .object({
        templateIds: z
          .array(templateId)
          .min(1)
          .max(3)
          .refine((ids) => new Set(ids).size === ids.length, 'each template once'),
      })
      .strict(),
    result: z.object({ results: z.record(templateId, z.enum(['accept', 'reject'])) }),
    scope: 'subscribe',
  }),
};
