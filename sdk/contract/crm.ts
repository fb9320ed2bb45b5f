import { z } from 'zod';
import { method } from './define.ts';

const maxKeys = 20;
const propKey = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');
const scalar = z.union([z.string().max(256), z.number().finite(), z.boolean()]);
const fewKeys = (o: object) => Object.keys(o).length <= maxKeys;

/** The current user as a contact in the merchant's customer list: events, attributes, following. */
export const crm = {
  /**
   * Records something the user did on the contact's timeline, with a few optional properties.
   * @example
   * await crm.recordEvent({ name: 'product.viewed', props: { sku: 'tea-1', price: 4800 } });
   */
  recordEvent: method({
    planned: true,
    args: z
      .object({
        name: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'lower-case letters, digits, _ and ., like "cart.added"'),
        props: z.record(propKey, scalar).refine(fewKeys, `at most ${maxKeys} properties`).optional(),
      })
      .strict(),
    result: z.null(),
    scope: 'crm',
  }),
  /**
   * Sets attributes on the user's contact record, merged with those already there; `null` removes one.
   * @example
   * await crm.setAttributes({ attributes: { favouriteTea: 'oolong', memberLevel: 2, newsletter: true } });
   */
  setAttributes: method({
    planned: true,
    args: z
      .object({
        attributes: z
          .record(propKey, scalar.nullable())
          .refine((o) => Object.keys(o).length >= 1, 'at least one attribute')
          .refine(fewKeys, `at most ${maxKeys} attributes`),
      })
      .strict(),
    result: z.null(),
    scope: 'crm',
  }),
  /**
   * Makes the current user follow the merchant, so they receive its broadcasts within the caps.
   * @example
   * await crm.follow();
   */
  follow: method({
    args: z.undefined().optional(),
    result: z.object({ following: z.literal(true) }),
    scope: 'crm',
  }),
  /**
   * Makes the current user stop following the merchant.
   * @example
   * await crm.unfollow();
   */
  unfollow: method({
    args: z.undefined().optional(),
    result: z.object({ following: z.literal(false) }),
    scope: 'crm',
  }),
};
