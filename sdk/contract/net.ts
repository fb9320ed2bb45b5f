import { z } from 'zod';
import { method } from './define.ts';
import type { Json } from './view.ts';

const json: z.ZodType<Json, Json> = z.json() as z.ZodType<Json, Json>;
const headerName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name');
const headerValue = z.string().max(4096).regex(/^[^\r\n\0]*$/, 'no line breaks');
const maxHeaders = 32;

/** HTTP requests to the merchant's own servers, made by the host on the program's behalf. */
export const net = {
  /**
   * Sends an HTTPS request and resolves with the response; only hosts listed in the manifest's
   * `network.domains` are reachable (anything else rejects with `domain_not_allowed`). A JSON body
   * is sent as `application/json`; a response body is parsed when it is JSON and given as text otherwise.
   * @example
   * const { status, body } = await net.request({
   *   url: 'https://api.example.com/cart',
   *   method: 'POST',
   *   body: { sku: 'tea-1', quantity: 2 },
   * });
   */
  request: method({
    args: z
      .object({
        url: z.url({ protocol: /^https$/, error: 'an https:// URL' }).max(2048),
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
        headers: z
          .record(headerName, headerValue)
          .refine((h) => Object.keys(h).length <= maxHeaders, `at most ${maxHeaders} headers`)
          .optional(),
        body: z.union([z.string().max(65_536), json]).optional(),
        timeoutMs: z.number().int().min(100).max(15_000).optional(),
      })
      .strict(),
    result: z.object({
      status: z.number().int().min(100).max(599),
      headers: z.record(z.string().max(256), z.string().max(8192)),
      body: z.union([json, z.string()]),
    }),
    scope: 'net',
  }),
};
