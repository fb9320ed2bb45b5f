import type { z } from 'zod';

/**
 * Permission scopes a manifest can declare. `personal` scopes also need the user's consent, asked
 * in a host-drawn prompt the first time and revocable later; the title is what that prompt says.
 */
export const scopes = {
  userInfo: { personal: true, title: 'your nickname and avatar' },
  phone: { personal: true, title: 'your phone number' },
  location: { personal: true, title: 'your location' },
  net: { personal: false, title: "talk to the merchant's own servers" },
  payments: { personal: false, title: 'ask you to pay' },
  groups: { personal: false, title: 'use group chats' },
  qr: { personal: false, title: 'read the QR code you scanned' },
  crm: { personal: false, title: "keep you in the merchant's customer list" },
  subscribe: { personal: false, title: 'ask to send you messages' },
} as const;

export type Scope = keyof typeof scopes;
export const scopeNames = Object.keys(scopes) as Scope[];

/** One host API method: what it needs, what it takes, what it gives back. */
export interface MethodSpec {
  /** Validates the guest's argument at the boundary; the guest SDK's parameter type is its input. */
  readonly args: z.ZodType;
  /** Validates what the host answers; the guest SDK's promise resolves to its output. */
  readonly result: z.ZodType;
  /** The manifest must declare this scope (with a reason) for the call to be allowed. */
  readonly scope?: Scope;
  /** Served inside the sandbox by the runtime (the page stack), never by the host. */
  readonly handledBy?: 'runtime';
  /**
   * Declared, but not yet offered by the host: the real host, `atrium dev` and `atrium/testing`
   * all answer `not_implemented` (a test may still stub it), so a program cannot pass its tests
   * on behaviour it will not get. The flag goes when the host starts serving the method.
   */
  readonly planned?: true;
  /**
   * Answered only when called while handling the user's tap, in that same turn (before any
   * await): the program cannot raise the prompt it opens by itself.
   */
  readonly gesture?: true;
}

/** Declares a method, keeping its literal types so the mapped types below see them. */
export function method<const S extends MethodSpec>(spec: S): S {
  return spec;
}

export type Namespace = Readonly<Record<string, MethodSpec>>;
