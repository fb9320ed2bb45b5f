import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { accountKinds, SESSION_COOKIE_SECONDS } from '../../http/index.ts';
import type { StoredKind } from './tables.ts';
import { SIGNING_ALG, type SigningKeys } from './signing-keys.ts';

/** A browser session lasts as long as its cookie; a tool's bearer token a month. */
export const tokenLifetimes = { session: SESSION_COOKIE_SECONDS, tool: 30 * 24 * 60 * 60 } as const;
export type TokenUse = keyof typeof tokenLifetimes;

const ISSUER = 'atrium';
const storedKinds: readonly StoredKind[] = [...accountKinds, 'staff'];

export interface Tokens {
  issue(account: { id: string; kind: StoredKind }, use: TokenUse): Promise<{ token: string; expiresAt: string }>;
  /**
   * Who the token names, when it expires and its id (for signing it out; tokens made before ids
   * were given have none), or AtriumError('unauthorized') saying why not.
   */
  verify(token: string): Promise<VerifiedToken>;
}

export interface VerifiedToken {
  id: string;
  kind: StoredKind;
  expiresAtMs: number;
  /** When it was issued, to the millisecond where the token says (`ims`), else to the second. */
  issuedAtMs: number;
  jti: string | null;
}

export function createTokens(keys: SigningKeys, now: () => Date): Tokens {
  // The key comes from the token's kid; an unknown or missing kid matches no key and fails.
  const keyFor: JWTVerifyGetKey = async (header) => {
    const key = header.kid ? await keys.publicKey(header.kid) : undefined;
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  };

  return {
    async issue(account, use) {
      const { kid, privateKey } = keys.current();
      const issuedAtMs = now().getTime();
      const issuedAt = Math.floor(issuedAtMs / 1000);
      const expiresAt = issuedAt + tokenLifetimes[use];
      // `iat` has whole seconds; `ims` lets "every session before now" end to the millisecond.
      const token = await new SignJWT({ kind: account.kind, ims: issuedAtMs })
        .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setSubject(account.id)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
    },

    async verify(token) {
      try {
        // Only our algorithm: a token saying `alg: none` or HS256 is refused before any key is used.
        const { payload } = await jwtVerify(token, keyFor, {
          algorithms: [SIGNING_ALG],
          issuer: ISSUER,
          currentDate: now(),
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        const kind = payload.kind;
        if (typeof payload.sub !== 'string' || !storedKinds.includes(kind as StoredKind)) throw new errors.JWTClaimValidationFailed('bad claims', payload);
        return { id: payload.sub, kind: kind as StoredKind, expiresAtMs: payload.exp! * 1000, issuedAtMs: typeof payload.ims === 'number' ? payload.ims : payload.iat! * 1000, jti: typeof payload.jti === 'string' ? payload.jti : null };
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new AtriumError('unauthorized', 'The session has expired; sign in again.');
        if (err instanceof errors.JOSEError || err instanceof TypeError) throw new AtriumError('unauthorized', 'The token is invalid; sign in again.');
        throw err;
      }
    },
  };
}
