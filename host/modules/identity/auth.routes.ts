import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import type { Context } from 'hono';
import { accountKinds, apiRoutes, clearSessionCookie, errorResponses, json, jsonBody, requestedKind, requireAccount, requireKind, setSessionCookie, signedIn, staffRoles, type AccountKind, type AppEnv } from '../../http/index.ts';
import { AccountView, LoginInput, SignupInput } from './account-input.ts';
import type { IdentityService } from './service.ts';

const signup = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['auth'],
  summary: 'Create a user or merchant account and sign in (sets the session cookie)',
  request: { body: jsonBody(SignupInput.extend({ kind: z.enum(['user', 'merchant']).default('user').openapi({ description: 'Admins are made by other means (atrium-host admin create)' }) })) },
  responses: { 201: json(AccountView, 'The new account'), ...errorResponses(400, 403, 409, 413) },
});

const LoginResult = z
  .object({
    account: AccountView,
    token: z.string().openapi({ description: 'A bearer token for tools, valid 30 days' }),
    expiresAt: z.string(),
  })
  .openapi('LoginResult');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in: sets the session cookie for browsers and returns a bearer token for tools',
  request: { body: jsonBody(LoginInput) },
  responses: { 200: json(LoginResult, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the token this request came with (a session cookie or a bearer token) stops working, and that session cookie is cleared',
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Signed out'), ...errorResponses(403) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['auth'],
  summary: "Change the password: every other session of the account ends, this one carries on",
  description:
    'Answers 403 forbidden when the current password is wrong (throttled like signing in). A browser gets a fresh session cookie; a tool calling with a bearer token gets a fresh token in the answer, since the one it sent has ended.',
  security: signedIn,
  request: { body: jsonBody(z.object({ currentPassword: z.string().min(1, 'required').max(256), newPassword: z.string().max(256) }).strict()) },
  responses: {
    200: json(z.object({ ok: z.literal(true), token: z.string().optional(), expiresAt: z.string().optional() }), 'Changed'),
    ...errorResponses(400, 401, 403, 429),
  },
});

const endSessions = createRoute({
  method: 'post',
  path: '/api/me/sessions/end',
  tags: ['auth'],
  summary: 'Sign out everywhere: every session of the account ends, on every device, this one too',
  security: signedIn,
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Signed out everywhere'), ...errorResponses(401, 403) },
});

const MeView = AccountView.extend({
  staff: z
    .object({ merchantId: z.string(), merchantName: z.string(), role: z.enum(staffRoles) })
    .optional()
    .openapi({ description: "For a merchant's staff member: the merchant they work for and their role" }),
}).openapi('Me');

const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The signed-in account',
  security: signedIn,
  responses: { 200: json(MeView, 'The signed-in account'), ...errorResponses(401) },
});

/** Staff sign in to the merchant console: their session sits where a merchant's does. */
const cookieKind = (kind: AccountKind | 'staff'): AccountKind => (kind === 'staff' ? 'merchant' : kind);

/** The signed-in account itself (a staff member's own, not the merchant's) and the kind its tokens carry. */
function ownAccount(c: Context<AppEnv>) {
  const principal = requireKind(c, ...accountKinds);
  return { principal, who: principal.staff ? { id: principal.staff.id, kind: 'staff' as const } : { id: principal.id, kind: principal.kind } };
}

/** Thin handlers: validate (by schema), call the service, answer. */
export function authRoutes(identity: IdentityService) {
  const app = apiRoutes();

  app.openapi(signup, async (c) => {
    const { kind, ...input } = c.req.valid('json');
    const account = await identity.createAccount(kind, input);
    setSessionCookie(c, cookieKind(account.kind), (await identity.issueToken(account, 'session')).token);
    return c.json(account, 201);
  });

  app.openapi(login, async (c) => {
    const { email, password, kind } = c.req.valid('json');
    const source = c.get('clientAddress');
    // The console has one sign-in form: a staff member's email is tried when no merchant's matched.
    const account = await identity.authenticate(kind, email, password, source).catch(async (e: unknown) => {
      if (kind !== 'merchant' || !(e instanceof AtriumError) || e.code !== 'unauthorized') throw e;
      return identity.authenticate('staff', email, password, source).catch(() => Promise.reject(e));
    });
    setSessionCookie(c, cookieKind(account.kind), (await identity.issueToken(account, 'session')).token);
    const { token, expiresAt } = await identity.issueToken(account, 'tool');
    return c.json({ account, token, expiresAt }, 200);
  });

  app.openapi(logout, async (c) => {
    const credential = c.get('credential');
    if (credential) await identity.revokeToken(credential);
    // The session signed out is the one the request acted with; with none to go by, every one.
    const principal = c.get('principal');
    const kind = requestedKind(c) ?? (principal?.via === 'cookie' ? principal.kind : undefined);
    for (const k of kind ? [kind] : accountKinds) clearSessionCookie(c, k);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const { principal, who } = ownAccount(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    if (principal.via === 'cookie') {
      setSessionCookie(c, principal.kind, (await identity.changePassword(who, currentPassword, newPassword, 'session')).token);
      return c.json({ ok: true as const }, 200);
    }
    const { token, expiresAt } = await identity.changePassword(who, currentPassword, newPassword, 'tool');
    return c.json({ ok: true as const, token, expiresAt }, 200);
  });

  app.openapi(endSessions, async (c) => {
    const { principal, who } = ownAccount(c);
    await identity.signOutEverywhere(who.id);
    clearSessionCookie(c, principal.kind);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(me, async (c) => {
    const principal = requireAccount(c);
    const account = await identity.getAccount(principal.staff?.id ?? principal.id);
    if (!account) throw new AtriumError('unauthorized', 'This account no longer exists or is disabled.');
    if (!principal.staff) return c.json(account, 200);
    const merchant = await identity.getAccount(principal.id);
    return c.json({ ...account, staff: { merchantId: principal.id, merchantName: merchant?.displayName ?? '', role: principal.staff.role } }, 200);
  });

  return app;
}
