import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { createSecretFile, keyDir } from './key-files.ts';

export const SIGNING_ALG = 'EdDSA';

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * The token signing keys, one private JWK file each in `<dataDir>/keys` (mode 0600). The newest
 * signs; every key in the folder verifies, so after a rotation the tokens already handed out stay
 * valid until they expire. Delete an old key's file to end its tokens.
 */
export interface SigningKeys {
  current(): { kid: string; privateKey: CryptoKey };
  /** The public key for a token's `kid`, re-reading the folder (rarely) to see other nodes' rotations. */
  publicKey(kid: string): Promise<CryptoKey | undefined>;
  /** Makes a new current key; returns its kid. */
  rotate(): Promise<string>;
}

const FILE = /^signing-([A-Za-z0-9-]+)\.jwk$/;

/**
 * Key ids sort by age: milliseconds since the epoch, zero-padded, then randomness. A new key always
 * sorts after the newest one, even if the clock stepped back, so "newest" is never ambiguous.
 */
function newKid(now: Date, newest: string | undefined): string {
  const after = newest ? Number(newest.split('-')[0]) + 1 : 0;
  const stamp = Math.max(now.getTime(), Number.isFinite(after) ? after : 0);
  return `${String(stamp).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
}

async function makeKey(dir: string, now: Date, newest: string | undefined): Promise<void> {
  const kid = newKid(now, newest);
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG, use: 'sig' };
  createSecretFile(join(dir, `signing-${kid}.jwk`), `${JSON.stringify(jwk)}\n`);
}

async function readKeys(dir: string): Promise<LoadedKey[]> {
  const keys: LoadedKey[] = [];
  for (const name of readdirSync(dir).sort()) {
    const kid = FILE.exec(name)?.[1];
    if (!kid) continue;
    const path = join(dir, name);
    try {
      const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
      const { d: _private, ...publicJwk } = jwk;
      keys.push({ kid, privateKey: (await importJWK(jwk, SIGNING_ALG)) as CryptoKey, publicKey: (await importJWK(publicJwk, SIGNING_ALG)) as CryptoKey });
    } catch (err) {
      throw new Error(`signing key ${path} is unreadable: ${(err as Error).message}`);
    }
  }
  return keys;
}

export async function openSigningKeys(dataDir: string, now: () => Date): Promise<SigningKeys> {
  const dir = keyDir(dataDir);
  let keys = await readKeys(dir);
  if (keys.length === 0) {
    await makeKey(dir, now(), undefined);
    keys = await readKeys(dir);
  }
  // An unknown kid costs a folder read at most this often, so forged kids cannot hammer the disk.
  const RELOAD_MS = 30_000;
  let lastLoad = now().getTime();

  return {
    current() {
      const newest = keys[keys.length - 1]!;
      return { kid: newest.kid, privateKey: newest.privateKey };
    },
    async publicKey(kid) {
      const known = keys.find((k) => k.kid === kid);
      if (known || now().getTime() - lastLoad < RELOAD_MS) return known?.publicKey;
      lastLoad = now().getTime();
      keys = await readKeys(dir);
      return keys.find((k) => k.kid === kid)?.publicKey;
    },
    async rotate() {
      await makeKey(dir, now(), keys[keys.length - 1]?.kid);
      keys = await readKeys(dir);
      lastLoad = now().getTime();
      return keys[keys.length - 1]!.kid;
    },
  };
}
