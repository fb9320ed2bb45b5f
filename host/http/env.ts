import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './errors.ts';

/** The three kinds of account; a token names one, and routes ask for the one they serve. */
export type AccountKind = 'user' | 'merchant' | 'admin';
export const accountKinds = ['user', 'merchant', 'admin'] as const satisfies readonly AccountKind[];

/**
 * A merchant's team: its own account is an owner; people it invites sign in as staff with one of
 * these roles. An owner may do everything the merchant may; a manager runs customers (the CRM,
 * the inbox, QR numbers) but not money, apps or the team; staff work the customers given to them.
 */
export type StaffRole = 'owner' | 'manager' | 'staff';
export const staffRoles = ['owner', 'manager', 'staff'] as const satisfies readonly StaffRole[];

/** Who is calling, as proven by a verified token. */
export interface Principal {
  /** The account; for a staff member, the merchant they act for (their own account is `staff.id`). */
  id: string;
  kind: AccountKind;
  /** A merchant's staff member acting for it (`kind` is then `merchant`). */
  staff?: { id: string; role: StaffRole };
  /**
   * How the caller proved it: a bearer token (tools), the session cookie (browsers), or an app's
   * id and secret (a merchant's backend, acting for that one app and only where a route allows).
   */
  via: 'bearer' | 'cookie' | 'app';
  /** With `via: 'app'`: the app the backend acts for. */
  appId?: string;
}

/** Checks an app's id and secret (the identity module's verifyAppSecret). */
export type AppSecretVerifier = (appId: string, appSecret: string) => Promise<{ merchantId: string }>;

/**
 * Turns a token into who it names, or throws AtriumError('unauthorized') saying why.
 * The identity module provides it; the HTTP layer knows nothing of keys or accounts.
 */
export type TokenVerifier = (token: string) => Promise<VerifiedCaller>;

/** What a verified token proves: an account of a kind, or a staff member acting for a merchant. */
export interface VerifiedCaller {
  id: string;
  kind: AccountKind;
  staff?: { id: string; role: StaffRole };
}

/** What every request carries through the middleware. */
export interface AppEnv {
  Variables: {
    /** The verified caller, or null when no token came or it did not verify. */
    principal: Principal | null;
    /** Why the token that came did not verify; the 401 says it. */
    authFailure: string | null;
    /** The token that proved `principal` (bearer or cookie), so signing out can revoke it. */
    credential: string | null;
    /** Whether cookies this request sets are `Secure` (off in development over http). */
    secureCookies: boolean;
    /** The address the request came from, past trusted proxies (client-address.ts). */
    clientAddress: string;
  };
}

/**
 * A router a module fills with its routes and hands to createHttpApp. Validation failures answer
 * through the app's one hook once it is mounted, so modules declare schemas and nothing else.
 */
export function apiRoutes(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
