import { z } from '@hono/zod-openapi';
import type { AppView, AuditEntry, ReleaseState, VersionView } from './views.ts';
import type { ReviewItem } from './review.ts';

/** Shown to people: no control or direction-override characters. */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(s.replace(/[\n\t]/g, '')), 'control and direction-override characters are not allowed');

const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4, `at most ${Math.round(maxBytes / 1024)} KiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .transform((s) => new Uint8Array(Buffer.from(s, 'base64')));

export const AppIdParam = z.string().min(1).max(128).regex(/^[^\s:\p{Cc}]+$/u, 'an app id');
export const VersionParam = z.string().min(1).max(64);

const Category = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9 -]*$/, 'a category like "shopping" or "food"');

export const AppInput = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{2,39}$/, '3-40 lowercase letters, digits and "-", starting with a letter')
      .optional()
      .openapi({ description: 'Chosen id; one is made from the name when left out' }),
    name: plain(40).pipe(z.string().min(1, 'required')),
    category: Category,
    description: plain(500).default(''),
    icon: base64(256 * 1024).optional().openapi({ description: 'PNG, JPEG or WebP, base64, at most 256 KiB' }),
  })
  .strict()
  .openapi('AppInput');

export const AppPatch = z
  .object({
    name: plain(40).pipe(z.string().min(1, 'required')).optional(),
    category: Category.optional(),
    description: plain(500).optional(),
    icon: base64(256 * 1024).nullable().optional(),
  })
  .strict()
  .openapi('AppPatch');

export const SubmitInput = z
  .object({
    manifest: z.unknown().openapi({ description: 'atrium.json as built' }),
    bundle: z.string().min(1, 'required').max(4 * 1024 * 1024),
    assets: z
      .array(z.object({ path: z.string().max(200), contentType: z.string().max(40), data: base64(2 * 1024 * 1024) }).strict())
      .max(500)
      .default([]),
    releaseNotes: plain(2000).default(''),
  })
  .strict()
  .openapi('SubmitInput');

export const ReleaseInput = z
  .object({ version: VersionParam, percent: z.number().int().min(1).max(100).optional().openapi({ description: 'A gray share of users; everyone when left out' }) })
  .strict()
  .openapi('ReleaseInput');

export const RollbackInput = z.object({ version: VersionParam.optional() }).strict().openapi('RollbackInput');

export const Reason = z.object({ reason: plain(1000).pipe(z.string().min(4, 'at least 4 characters')) }).strict();

export const RejectInput = z
  .object({
    reasons: z
      .array(z.object({ page: z.string().max(200).optional(), scope: z.string().max(40).optional(), message: plain(1000).pipe(z.string().min(4, 'at least 4 characters')) }).strict())
      .min(1, 'at least one reason')
      .max(20),
  })
  .strict()
  .openapi('RejectInput');

export const ApproveInput = z.object({ note: plain(1000).optional() }).strict().openapi('ApproveInput');

export const LicenceInput = z.object({ granted: z.boolean(), reason: plain(1000).pipe(z.string().min(4, 'at least 4 characters')) }).strict();

// Views are built by the service with their TypeScript types; the document describes their shape.
export const AppViewSchema = z.custom<AppView>().openapi('App', { type: 'object', description: 'An app with its status, release and the version in review' });
export const VersionViewSchema = z.custom<VersionView>().openapi('Version', { type: 'object', description: 'A version with its checks, diff, decision and release' });
export const ReleaseStateSchema = z.custom<ReleaseState>().openapi('ReleaseState', { type: 'object' });
export const ReviewItemSchema = z.custom<ReviewItem & { merchant: MerchantRef }>().openapi('ReviewItem', { type: 'object' });
export const AuditEntrySchema = z.custom<AuditEntry & { actorName: string | null; actorEmail: string | null }>().openapi('AuditEntry', { type: 'object' });

export interface MerchantRef {
  id: string;
  email: string | null;
  displayName: string | null;
}
