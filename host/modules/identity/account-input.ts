import { z } from '@hono/zod-openapi';
import { accountKinds } from '../../http/index.ts';

/**
 * What an account may be made of. Emails are compared lowercased. Display names are shown to
 * other people, so they refuse control characters and the bidirectional overrides used to
 * disguise text; anything else (quotes, angle brackets, emoji) is kept exactly as typed.
 */
const disguising = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const Email = z.string().trim().toLowerCase().pipe(z.email('not a valid email address').max(254)).openapi({ format: 'email', example: 'mei@example.com' });

export const Password = z.string().min(10, 'at least 10 characters').max(256, 'at most 256 characters');

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64, 'at most 64 characters')
  .refine((name) => !disguising.test(name), 'control and direction-override characters are not allowed')
  .openapi({ example: 'Mei' });

export const Kind = z.enum(accountKinds);
/** Every kind an account row may be, staff included (they sign in to the merchant console). */
export const AnyKind = z.enum([...accountKinds, 'staff']);

export const SignupInput = z.object({ email: Email, password: Password, displayName: DisplayName }).openapi('SignupInput');
export type SignupInput = z.output<typeof SignupInput>;

/**
 * Logging in checks nothing about the shape of the email beyond its length: a malformed one is
 * simply not found, and answers exactly like a wrong password.
 */
export const LoginInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'required').max(254),
    password: z.string().min(1, 'required').max(256),
    kind: AnyKind.default('user').openapi({ description: "A merchant's staff sign in as `staff`, or as `merchant` with their staff email" }),
  })
  .openapi('LoginInput');
export type LoginInput = z.output<typeof LoginInput>;

/** An account as it leaves the host: never the password hash. */
export const AccountView = z
  .object({
    id: z.string(),
    kind: AnyKind,
    email: z.string(),
    displayName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Account');
export type AccountView = z.output<typeof AccountView>;

/**
 * An app id as identity stores it. The apps module chooses ids; this only keeps them bounded and
 * free of ':' (the separator of `Authorization: Basic appId:secret`).
 */
export const AppId = z
  .string()
  .min(1)
  .max(128)
  // No `u` flag: the OpenAPI document carries the pattern, and JSON Schema has no flags.
  .regex(/^[^:\s\x00-\x1f\x7f]+$/, 'no spaces, colons or control characters')
  .openapi({ example: 'shop' });
