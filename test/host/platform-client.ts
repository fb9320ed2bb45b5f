import { connect } from 'node:net';

/** What a request to a running platform answered: the JSON body when there is one, else its text. */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export type Call = (path: string, init?: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> }) => Promise<Answer>;

/** A client of a platform at `url`, acting with `token` when given (a bearer token, as tools do). */
export function client(url: string, token?: string): Call {
  return async (path, init = {}) => {
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const res = await fetch(url + path, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body,
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : await res.text() };
  };
}

/** Signs up (users and merchants) and signs in; answers a client acting as that account. */
export async function signIn(url: string, kind: 'user' | 'merchant' | 'admin', email: string, password = 'long enough password'): Promise<Call> {
  const anonymous = client(url);
  if (kind !== 'admin') await anonymous('/api/auth/signup', { body: { email, password, displayName: email.split('@')[0], kind }, headers: { origin: url } });
  const login = await anonymous('/api/auth/login', { body: { email, password, kind } });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  return client(url, login.body.token);
}

/**
 * Sends bytes as they are over a socket, for requests no HTTP client would send (oversized
 * headers, Content-Length beside Transfer-Encoding); answers the status and the body as text once
 * the server closes the connection (send `Connection: close`).
 */
export function rawRequest(url: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: split < 0 ? '' : text.slice(split + 4) });
    });
  });
}
