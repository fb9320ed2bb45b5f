import type { Context } from 'hono';
import type { z } from 'zod';
import { AtriumError } from '../../sdk/contract/errors.ts';
import { describeIssues } from './errors.ts';

/**
 * The JSON body of a request checked against `schema`, for routes declared without OpenAPI:
 * malformed JSON and a failed schema answer `invalid_request`, never a fault.
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AtriumError('invalid_request', 'The body is not valid JSON.');
  }
  return check(schema, body);
}

/** A value (a query parameter, a parsed body) checked against `schema`, as `invalid_request`. */
export function check<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AtriumError('invalid_request', describeIssues(parsed.error as never));
  return parsed.data as z.output<T>;
}
