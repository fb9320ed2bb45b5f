import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { errorCodes } from '../../sdk/contract/errors.ts';
import { eventEnvelope, eventNames, eventTypes } from '../../sdk/contract/events.ts';
import type { AppEnv } from './env.ts';

/** The error body every route may answer with, declared once for the document. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const descriptions = {
  400: 'invalid_request: the body, a parameter or the JSON is malformed',
  401: 'unauthorized: not signed in, or the token is invalid or expired',
  402: 'payment_declined: the card provider refused',
  403: 'forbidden: not allowed, or a cross-site request riding the session cookie',
  404: 'not_found',
  409: 'conflict',
  410: 'expired, or session_ended: the session stopped (details.reason says why: cpu_exceeded, memory_exceeded...) or was closed',
  413: 'too_large: the body is over the size limit',
  422: 'checks_failed: the submitted version did not pass the automated checks (details.checks says why)',
  429: 'rate_limited: too many attempts; quota_exceeded: a quota is used up (e.g. open sessions per user)',
} as const;

type ErrorStatus = keyof typeof descriptions;

/**
 * Error responses for a route declaration: `responses: { 200: ..., ...errorResponses(400, 401) }`.
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const out = {} as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
  for (const status of statuses) out[status] = { description: descriptions[status], content: { 'application/json': { schema: ErrorSchema } } };
  return out;
}

/** A JSON response in a route declaration, without the nesting. */
export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body in a route declaration: `request: { body: jsonBody(Input) }`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** The security schemes routes name with `security: [{ bearer: [] }, { cookie: [] }]`. */
export const signedIn: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

export function registerDocument(app: OpenAPIHono<AppEnv>, path: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'atrium_user',
    description: 'The browser session of a user; merchants and admins have atrium_merchant and atrium_admin. Send X-Atrium-Account: user|merchant|admin to pick one when the browser has several.',
  });
  // What Atrium sends to merchants' endpoints, from the events contract: signed per Standard
  // Webhooks (webhook-id, webhook-timestamp, webhook-signature), retried until a 2xx.
  for (const type of eventTypes) {
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      summary: eventNames[type].summary,
      tags: ['webhooks'],
      request: { body: jsonBody(eventEnvelope(type)) },
      responses: { 200: { description: 'Any 2xx: received. Anything else, or no answer, is retried.' } },
    });
  }
  app.doc31(path, {
    openapi: '3.1.0',
    info: {
      title: 'Atrium',
      version: '0.1.0',
      description: 'The Atrium host API. Errors are `{ "error": { "code", "message" } }` with stable codes.',
    },
  });
}
