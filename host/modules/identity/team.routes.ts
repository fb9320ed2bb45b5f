import { createRoute, z } from '@hono/zod-openapi';
import { apiRoutes, errorResponses, json, jsonBody, requireMerchant, setSessionCookie, signedIn, staffRoles } from '../../http/index.ts';
import { AccountView } from './account-input.ts';
import type { IdentityService } from './service.ts';

const tags = ['team'];
const Role = z.enum(staffRoles).openapi({ description: 'owner: everything; manager: customers (CRM, inbox, QR numbers), not money, apps or the team; staff: the customers given to them' });
const Member = z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: Role, addedAt: z.string() }).openapi('TeamMember');
const Invite = z.object({ id: z.string(), email: z.string(), role: Role, createdAt: z.string(), expiresAt: z.string(), state: z.enum(['pending', 'accepted', 'expired', 'revoked']) }).openapi('TeamInvite');
const Ok = z.object({ ok: z.literal(true) });
const Code = z.object({ code: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const StaffId = z.object({ staffId: z.string().min(1).max(64) });

const routes = {
  list: createRoute({ method: 'get', path: '/api/merchant/team', tags, security: signedIn, summary: 'My team: its members and the invitations not yet taken up', responses: { 200: json(z.object({ staff: z.array(Member), invites: z.array(Invite) })), ...errorResponses(401, 403) } }),
  invite: createRoute({
    method: 'post', path: '/api/merchant/team/invites', tags, security: signedIn,
    summary: 'Invite someone by email and role; the answer holds the link to hand them, shown this once (valid 7 days)',
    request: { body: jsonBody(z.object({ email: z.string().max(254), role: Role }).strict()) },
    responses: { 200: json(z.object({ invite: Invite, url: z.string() })), ...errorResponses(400, 401, 403) },
  }),
  revoke: createRoute({ method: 'delete', path: '/api/merchant/team/invites/{inviteId}', tags, security: signedIn, summary: 'Withdraw an invitation not yet taken up', request: { params: z.object({ inviteId: z.string().min(1).max(64) }) }, responses: { 200: json(Ok), ...errorResponses(401, 403, 404) } }),
  role: createRoute({ method: 'post', path: '/api/merchant/team/{staffId}/role', tags, security: signedIn, summary: "Change a member's role (it applies to their next request)", request: { params: StaffId, body: jsonBody(z.object({ role: Role }).strict()) }, responses: { 200: json(Ok), ...errorResponses(400, 401, 403, 404) } }),
  remove: createRoute({ method: 'delete', path: '/api/merchant/team/{staffId}', tags, security: signedIn, summary: 'Take someone off the team: their account is erased and every session of theirs ends', request: { params: StaffId }, responses: { 200: json(Ok), ...errorResponses(401, 403, 404) } }),
  preview: createRoute({ method: 'get', path: '/api/team-invites/{code}', tags, summary: 'Where an invitation leads: the merchant, the email and the role', request: { params: Code }, responses: { 200: json(z.object({ merchantId: z.string(), merchantName: z.string(), email: z.string(), role: Role, expiresAt: z.string() })), ...errorResponses(400, 404, 410) } }),
  accept: createRoute({
    method: 'post', path: '/api/team-invites/{code}/accept', tags,
    summary: 'Take up an invitation: makes the staff account and signs it in to the merchant console',
    request: { params: Code, body: jsonBody(z.object({ displayName: z.string().max(200), password: z.string().max(256) }).strict()) },
    responses: { 200: json(z.object({ account: AccountView })), ...errorResponses(400, 404, 409, 410) },
  }),
};

/** A merchant's team over HTTP: the owners manage it; anyone holding an invitation's link takes it up. */
export function teamRoutes(identity: IdentityService, options: { inviteUrl(code: string): string }) {
  const app = apiRoutes();
  const { staff } = identity;
  const owner = (c: Parameters<typeof requireMerchant>[0]) => requireMerchant(c);

  app.openapi(routes.list, async (c) => c.json(await staff.list(owner(c).id), 200));
  app.openapi(routes.invite, async (c) => {
    const p = owner(c);
    const { invite, code } = await staff.invite(p.id, p.staff?.id ?? p.id, c.req.valid('json'));
    return c.json({ invite, url: options.inviteUrl(code) }, 200);
  });
  app.openapi(routes.revoke, async (c) => {
    await staff.revokeInvite(owner(c).id, c.req.valid('param').inviteId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.role, async (c) => {
    await staff.setRole(owner(c).id, c.req.valid('param').staffId, c.req.valid('json').role);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.remove, async (c) => {
    await staff.remove(owner(c).id, c.req.valid('param').staffId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.preview, async (c) => c.json(await staff.preview(c.req.valid('param').code), 200));
  app.openapi(routes.accept, async (c) => {
    const account = await staff.accept(c.req.valid('param').code, c.req.valid('json'));
    setSessionCookie(c, 'merchant', (await identity.issueToken(account, 'session')).token);
    return c.json({ account }, 200);
  });
  return app;
}
