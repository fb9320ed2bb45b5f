import { domainAllowed } from '../../../lib/domains.ts';
import { AtriumError, type ArgsOutput, type Json, type ResultOf } from '../../contract/index.ts';

const MAX_BODY = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** `net.request` for real: allowlisted hosts only, a timeout, a bounded response body. */
export async function netRequest(a: ArgsOutput<'net.request'>, domains: string[]): Promise<ResultOf<'net.request'>> {
  const url = new URL(a.url);
  if (!domainAllowed(url.hostname, url.port, domains)) {
    throw new AtriumError('domain_not_allowed', `${url.hostname} is not in network.domains of atrium.json`);
  }
  const headers: Record<string, string> = { ...a.headers };
  let body: string | undefined;
  if (typeof a.body === 'string') body = a.body;
  else if (a.body !== undefined) {
    body = JSON.stringify(a.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: a.method,
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(a.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new AtriumError('timeout', `${url.hostname} did not answer in time`);
    throw new AtriumError('network_error', `could not reach ${url.hostname}`);
  }
  const text = await res.text();
  if (text.length > MAX_BODY) throw new AtriumError('too_large', `the response from ${url.hostname} is over 1 MiB`);
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k.length <= 256) out[k] = v.slice(0, 8192);
  });
  let parsed: Json | string = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: out, body: parsed };
}
