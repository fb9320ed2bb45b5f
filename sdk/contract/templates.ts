/**
 * Subscription message templates, declared once: how a program declares them in `atrium.json`,
 * and what a merchant's backend may put in each field when it sends one. The manifest schema, the
 * submission checks, the host's send route and the merchant SDK's types all read them from here.
 */
import { z } from 'zod';
import { currencyCodes } from './currencies.ts';
import { AtriumError } from './errors.ts';

/** A template's id, as programs name it in `subscribe.requestSubscribe`. */
export const templateIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, _ and -');

/** At most this many templates per program; each at most this many fields. */
export const MAX_TEMPLATES = 20;
export const MAX_TEMPLATE_FIELDS = 10;
/** Characters of a text field's value: a notice is read at a glance, not a letter. */
export const MAX_TEXT_FIELD = 100;

/** The kinds of value a field holds; each has its own shape when a message is sent. */
export const templateFieldTypes = ['text', 'number', 'money', 'date'] as const;
export type TemplateFieldType = (typeof templateFieldTypes)[number];

const fieldSchema = z
  .object({
    /** What the sender names the value by: `carrier`. */
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, 'a key like "carrier": a letter, then letters, digits and _, at most 32'),
    /** What the user reads beside the value: `Carrier`. */
    label: z.string().trim().min(1, 'a label, 1 to 20 characters').max(20, 'a label, 1 to 20 characters'),
    type: z.enum(templateFieldTypes, { error: `one of ${templateFieldTypes.join(', ')}` }),
  })
  .strict();

export const templateSchema = z
  .object({
    id: templateIdSchema,
    /** What the user is asked to accept and later sees as the notice's heading: `Order shipped`. */
    title: z.string().trim().min(1, 'a title, 1 to 40 characters').max(40, 'a title, 1 to 40 characters'),
    fields: z.array(fieldSchema).min(1, 'at least one field').max(MAX_TEMPLATE_FIELDS, `at most ${MAX_TEMPLATE_FIELDS} fields`),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `"${f.key}" is used twice in this template` });
      seen.add(f.key);
    });
  });

/** The `subscriptions` section of `atrium.json`. */
export const subscriptionsSchema = z
  .object({ templates: z.array(templateSchema).min(1, 'at least one template').max(MAX_TEMPLATES, `at most ${MAX_TEMPLATES} templates`) })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.templates.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'id'], message: `"${t.id}" is declared twice` });
      seen.add(t.id);
    });
  });

export type SubscriptionTemplate = z.output<typeof templateSchema>;
export type TemplateField = SubscriptionTemplate['fields'][number];

/** A date (`2026-12-08`) or a moment with its offset (`2026-12-08T10:30:00+08:00`). */
const dateValue = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'a date like 2026-12-08, or a time like 2026-12-08T10:30:00+08:00' });

/** What a sender puts in a field of each type. */
export const fieldValueSchemas = {
  text: z.string().trim().min(1).max(MAX_TEXT_FIELD),
  number: z.number().finite(),
  /** Integer minor units (fen, cents) of a currency the platform keeps money in. */
  money: z.object({ amount: z.number().int().min(0).max(1e13), currency: z.enum(currencyCodes, { error: 'a currency Atrium supports, as its ISO 4217 code' }) }).strict(),
  date: dateValue,
} as const satisfies Record<TemplateFieldType, z.ZodType>;

export type TemplateFieldValue = { [T in TemplateFieldType]: z.input<(typeof fieldValueSchemas)[T]> }[TemplateFieldType];

/**
 * The schema of one template's fields, as a sender fills them: every declared key, of its type,
 * and nothing else. Errors name the field (`fields.carrier: ...`).
 */
export function templateValuesSchema(template: SubscriptionTemplate) {
  return z.object(Object.fromEntries(template.fields.map((f) => [f.key, fieldValueSchemas[f.type]]))).strict();
}

/**
 * The templates a `subscribe.requestSubscribe` names, from those the program's manifest declares,
 * in the order asked; an id it does not declare is `invalid_args`. The host and the test harness
 * both decide it here, so they refuse alike.
 */
export function requestedTemplates(declared: readonly SubscriptionTemplate[] | undefined, ids: readonly string[]): SubscriptionTemplate[] {
  const known = declared ?? [];
  const unknown = ids.filter((id) => !known.some((t) => t.id === id));
  if (unknown.length) {
    const has = known.length ? `it declares ${known.map((t) => `"${t.id}"`).join(', ')}` : 'it declares none';
    throw new AtriumError('invalid_args', `subscribe.requestSubscribe: ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not under subscriptions.templates in atrium.json; ${has}`);
  }
  return ids.map((id) => known.find((t) => t.id === id)!);
}
