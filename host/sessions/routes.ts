import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError, handlerNamePattern, type Json, type ShellEvent } from '../../sdk/contract/index.ts';
import { busFeed, lastEventIdOf, streamFeed, streamLimits, type Bus, type StreamLimits } from '../realtime/index.ts';
import { apiRoutes, errorResponses, json, requireUser, signedIn } from '../http/index.ts';
import type { Consents } from './consents.ts';
import type { SessionManager } from './manager.ts';
import { sessionTopic, type ShellMessage } from './messages.ts';

// A parsed request body is JSON already; z.json() is recursive and sends the document generator
// into endless recursion, so the schema only documents it. Size is bounded by the body limit.
const jsonValue = z.unknown().openapi({ description: 'any JSON value' }) as unknown as z.ZodType<Json>;
const Frame = z
  .object({
    seq: z.number(),
    route: z.string(),
    title: z.string(),
    stack: z.array(z.string()),
    view: z.unknown().optional().openapi({ description: 'The whole view tree; absent when `patches` is given' }),
    patches: z.array(z.unknown()).optional().openapi({ description: 'Changes to the view of frame `base` (or `seq - 1`), applied in order' }),
    base: z.number().optional().openapi({ description: 'The frame `patches` apply to, when it is not `seq - 1`' }),
  })
  .openapi('Frame');

const open = createRoute({
  method: 'post',
  path: '/api/apps/{appId}/sessions',
  summary: 'Open a mini-program: starts a session of the version this user gets',
  security: signedIn,
  request: {
    params: z.object({ appId: z.string().max(100) }),
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              route: z.string().max(200).optional(),
              query: z.record(z.string().max(64), z.string().max(1000)).optional(),
              scene: jsonValue.optional().openapi({ description: 'A hint of how the program was opened, as the client says it (unverified)' }),
              via: z
                .object({
                  share: z.object({ conversationId: z.string().min(1).max(64), seq: z.number().int().min(1) }).strict().optional(),
                  scan: z.string().min(1).max(64).regex(/^scn_\w+$/).optional(),
                })
                .strict()
                .refine((v) => Number(!!v.share) + Number(!!v.scan) === 1, 'one of share or scan')
                .optional()
                .openapi({ description: "Opened from a card in a chat, or a QR code the user scanned: the host checks it, and the program's scene says so" }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ sessionId: z.string(), app: z.object({ id: z.string(), name: z.string(), version: z.string(), versionId: z.string(), tabBar: z.array(z.object({ page: z.string(), text: z.string() })), background: z.string().nullable() }), frame: Frame })),
    ...errorResponses(400, 401, 404, 410, 429),
  },
});

const ShellEventSchema = z
  .object({
    handler: z.string().regex(handlerNamePattern),
    type: z.enum(['tap', 'longpress', 'input', 'change', 'confirm', 'submit', 'reset', 'reachend']),
    data: jsonValue.optional(),
    value: jsonValue.optional(),
  })
  .strict();

const event = createRoute({
  method: 'post',
  path: '/api/sessions/{sessionId}/events',
  summary: 'Send a user event (a tap, an input) to the page; answers with the frame after it',
  security: signedIn,
  request: {
    params: z.object({ sessionId: z.string().max(100) }),
    query: z.object({
      since: z.coerce.number().int().min(0).optional().openapi({ description: 'The frame the shell has: the answer then carries the changes since it when they are known, else the whole view' }),
    }),
    body: { content: { 'application/json': { schema: ShellEventSchema } } },
  },
  responses: { 200: json(z.object({ frame: Frame })), ...errorResponses(400, 401, 404, 410) },
});

const answer = createRoute({
  method: 'post',
  path: '/api/sessions/{sessionId}/prompts/{promptId}',
  summary: 'Answer a host-drawn prompt: a dialog, consent, the payment sheet, the share picker, or a subscription prompt',
  security: signedIn,
  request: {
    params: z.object({ sessionId: z.string().max(100), promptId: z.string().max(100) }),
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              answer: z.union([
                z.boolean(),
                z
                  .object({ accept: z.array(z.string().min(1).max(64)).max(3).openapi({ description: "The ids of the prompt's templates the user accepted (none: an empty list)" }) })
                  .strict(),
              ]).openapi({ description: 'Yes or no; a subscription prompt also takes the templates accepted (true accepts all, false none)' }),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses(400, 401, 404) },
});

const close = createRoute({
  method: 'delete',
  path: '/api/sessions/{sessionId}',
  summary: 'Close a session',
  security: signedIn,
  request: { params: z.object({ sessionId: z.string().max(100) }) },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses(401, 404) },
});

const authorizations = createRoute({
  method: 'get',
  path: '/api/me/authorizations',
  summary: 'What the user allowed or refused each app',
  security: signedIn,
  responses: { 200: json(z.object({ authorizations: z.array(z.object({ appId: z.string(), scope: z.string(), granted: z.boolean(), decidedAt: z.string() })) })), ...errorResponses(401) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/me/authorizations/{appId}/{scope}',
  summary: 'Revoke a decision: the app must ask again',
  security: signedIn,
  request: { params: z.object({ appId: z.string().max(100), scope: z.string().max(40) }) },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses(401) },
});

/** Sessions over HTTP: open, events, prompt answers, and the server-sent stream of views and host UI. */
/** How a program was opened, checked by the host (a shared card in a chat), as the scene it gets. */
export type SceneOf = (userId: string, appId: string, via: Via) => Promise<Json>;
export interface Via {
  share?: { conversationId: string; seq: number };
  /** A QR scan of this user's, recorded by the host (POST /api/qr/{code}/scan). */
  scan?: string;
}

export function sessionRoutes(sessions: SessionManager, bus: Bus, consents: Consents, options: { streams?: StreamLimits; sceneOf?: SceneOf } = {}) {
  const streams = options.streams ?? streamLimits();
  const routes = apiRoutes();
  routes.openapi(open, async (c) => {
    const user = requireUser(c);
    const { via, ...body } = c.req.valid('json');
    const { appId } = c.req.valid('param');
    if (via && !options.sceneOf) throw new AtriumError('not_implemented', 'This host opens programs only directly.');
    const scene = via ? await options.sceneOf!(user.id, appId, via) : body.scene;
    return c.json(await sessions.open(user.id, appId, { ...body, scene, verified: !!via }), 200);
  });
  routes.openapi(event, async (c) => {
    const user = requireUser(c);
    const frame = await sessions.event(user.id, c.req.valid('param').sessionId, c.req.valid('json') as ShellEvent, c.req.valid('query').since);
    return c.json({ frame }, 200);
  });
  routes.openapi(answer, async (c) => {
    const user = requireUser(c);
    const { sessionId, promptId } = c.req.valid('param');
    await sessions.answer(user.id, sessionId, promptId, c.req.valid('json').answer);
    return c.json({ ok: true as const }, 200);
  });
  routes.openapi(close, async (c) => {
    await sessions.close(requireUser(c).id, c.req.valid('param').sessionId);
    return c.json({ ok: true as const }, 200);
  });
  routes.openapi(authorizations, async (c) => {
    const rows = await consents.list(requireUser(c).id);
    return c.json({ authorizations: rows.map((r) => ({ appId: r.app_id, scope: r.scope, granted: r.granted === 1, decidedAt: r.decided_at })) }, 200);
  });
  routes.openapi(revoke, async (c) => {
    const { appId, scope } = c.req.valid('param');
    await consents.revoke(requireUser(c).id, appId, scope);
    return c.json({ ok: true as const }, 200);
  });

  // Server-sent events: frames (whole or patches), toasts, dialogs, consent prompts, the end.
  // With Last-Event-ID the stream resumes where it broke; if that is gone, it starts from a whole
  // frame and any dialog still waiting for an answer.
  routes.get('/api/sessions/:sessionId/stream', async function stream(c) {
    const user = requireUser(c);
    const sessionId = c.req.param('sessionId');
    const frame = await sessions.frame(user.id, sessionId);
    const prompts = await sessions.openPrompts(user.id, sessionId);
    const release = streams.take(user.id);
    return streamFeed<ShellMessage>(c, {
      feed: busFeed(bus, sessionTopic(sessionId)),
      lastEventId: lastEventIdOf(c),
      start: () => [{ kind: 'frame', update: frame }, ...prompts],
      event: (m) => m.kind,
      isLast: (m) => m.kind === 'ended',
      onClose: release,
    });
  });
  return routes;
}
