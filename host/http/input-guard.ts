import type { Context, MiddlewareHandler } from 'hono';
import { AtriumError } from '../../sdk/contract/errors.ts';
import { describeTextProblem, findTextProblem, NUL } from '../../sdk/contract/text.ts';
import type { AppEnv } from './env.ts';

/**
 * How deep a JSON body may nest. No route's schema goes past a handful of levels (a view node's
 * `data` is at most 16), while a value nested 100,000 deep fits under the body cap and overflows
 * the stack of whatever clones it next (a session's `scene` is posted to a worker).
 */
export const MAX_JSON_DEPTH = 64;

// The media types hono's validators read as JSON and as a form, so the guard sees what they see.
const jsonType = /^application\/([\w.-]+\+)?json$/i;
const formTypes = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);
const bodiless = new Set(['GET', 'HEAD', 'OPTIONS']);

const refuse = (message: string): never => {
  throw new AtriumError('invalid_request', message);
};

/** The raw path and query of the request URL, without parsing it again. */
function rawTarget(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const q = url.indexOf('?', start);
  return q < 0 ? { path: url.slice(start), query: '' } : { path: url.slice(start, q), query: url.slice(q + 1) };
}

function checkPath(path: string): void {
  if (!path.includes('%')) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refuse('The path has a percent-escape that is not UTF-8 (each escape is %XX, and together they spell UTF-8).');
  }
  if (decoded.includes(NUL)) refuse('path: text may not contain the NUL character \\u0000');
}

function checkQuery(query: string): void {
  // A NUL can only arrive escaped: Node refuses a raw one in the request line.
  if (!/%00/.test(query)) return;
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.includes(NUL)) refuse('query: a parameter name may not contain the NUL character \\u0000');
    if (value.includes(NUL)) refuse(`query ${key}: text may not contain the NUL character \\u0000`);
  }
}

async function checkBody(c: Context<AppEnv>): Promise<void> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (jsonType.test(type)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      // Malformed JSON is the route's to answer: one that takes no body ignores it.
      return;
    }
    const problem = findTextProblem(body, MAX_JSON_DEPTH);
    if (problem) refuse(problem.kind === 'depth' ? `The JSON body is ${describeTextProblem(problem)}.` : describeTextProblem(problem));
    return;
  }
  if (formTypes.has(type)) {
    let form: FormData;
    try {
      // Read through the request's cache, so the route's validator reads the same bytes again.
      form = await new Response(await c.req.arrayBuffer(), { headers: { 'content-type': c.req.header('content-type')! } }).formData();
    } catch {
      return;
    }
    for (const [key, value] of form) {
      const text = typeof value === 'string' ? value : value.name;
      if (key.includes(NUL)) refuse('A form field name may not contain the NUL character \\u0000');
      if (text.includes(NUL)) refuse(`${key}: text may not contain the NUL character \\u0000`);
    }
  }
}

/**
 * Text PostgreSQL cannot keep, and JSON too deep to pass on, stopped at the door for every route:
 * the decoded path, the query, JSON bodies (strings and keys at any depth) and form fields. A
 * malformed percent-escape in the path is refused here too, before a route decodes it and throws.
 * Every refusal is 400 `invalid_request`, the same on SQLite and PostgreSQL, before anything runs.
 */
export function guardInput(): MiddlewareHandler<AppEnv> {
  return async function guardRequestInput(c, next) {
    const { path, query } = rawTarget(c.req.url);
    checkPath(path);
    checkQuery(query);
    if (!bodiless.has(c.req.method)) await checkBody(c);
    await next();
  };
}
