import { z } from 'zod';
import { scopeNames, type Scope } from './define.ts';
import { subscriptionsSchema } from './templates.ts';

const route = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/i, 'a route like "pages/index": letters, digits, - and _, separated by /');

const domain = z
  .string()
  .regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$|^localhost(:\d+)?$/i, 'a host name like "api.example.com" or "*.example.com"');

/**
 * `atrium.json`, the manifest of a mini-program. Unknown keys are errors, so a typo never silently
 * drops a setting. The first page is the home page.
 */
export const manifestSchema = z
  .object({
    name: z.string().min(1).max(40),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[\w.]+)?$/, 'a version like "1.0.0"'),
    description: z.string().max(500).optional(),
    category: z.string().max(40).optional(),
    /** Routes of the pages; each has a file `<route>.tsx` or `<route>.ts` exporting `page({...})`. */
    pages: z.array(route).min(1).max(50),
    /** Scopes the program uses, each with the reason shown to reviewers and users. */
    permissions: z
      .partialRecord(
        z.enum(scopeNames as [Scope, ...Scope[]]),
        z.object({ reason: z.string().min(8, 'say why, in at least 8 characters').max(200) }).strict(),
      )
      .default({}),
    /** Hosts `net.request` may reach; nothing else is reachable. */
    network: z.object({ domains: z.array(domain).max(20) }).strict().default({ domains: [] }),
    tabBar: z
      .object({
        items: z
          .array(z.object({ page: route, text: z.string().min(1).max(8), icon: z.string().max(200).optional() }).strict())
          .min(2)
          .max(5),
      })
      .strict()
      .optional(),
    window: z
      .object({ title: z.string().max(40).optional(), background: z.string().max(32).optional() })
      .strict()
      .optional(),
    /**
     * Subscription message templates: what the program may ask the user to accept with
     * `subscribe.requestSubscribe`, and what the merchant's backend then sends, once per acceptance.
     */
    subscriptions: subscriptionsSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const [i, item] of (m.tabBar?.items ?? []).entries()) {
      if (!m.pages.includes(item.page)) {
        ctx.addIssue({ code: 'custom', path: ['tabBar', 'items', i, 'page'], message: `"${item.page}" is not in pages` });
      }
    }
    const seen = new Set<string>();
    for (const [i, p] of m.pages.entries()) {
      if (seen.has(p)) ctx.addIssue({ code: 'custom', path: ['pages', i], message: `"${p}" is listed twice` });
      seen.add(p);
    }
  });

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
