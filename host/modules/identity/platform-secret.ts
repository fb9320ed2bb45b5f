import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSecretFile, keyDir } from './key-files.ts';

/**
 * The platform secret keys every pseudonym (openid, unionid) and every stored app-secret hash. It
 * is made on first start and must never change: a new secret would give every user new openids.
 * Several host nodes must share it (and the signing keys): copy `<dataDir>/keys` to each.
 */
export interface PlatformSecret {
  /** base64url(HMAC-SHA256(secret, message)). */
  mac(message: string): string;
}

export function loadPlatformSecret(dataDir: string): PlatformSecret {
  const path = join(keyDir(dataDir), 'platform.secret');
  const text = createSecretFile(path, `${randomBytes(32).toString('base64url')}\n`).trim();
  const secret = Buffer.from(text, 'base64url');
  if (secret.length < 32) throw new Error(`${path} must hold at least 32 random bytes (base64url)`);
  return { mac: (message) => createHmac('sha256', secret).update(message).digest('base64url') };
}

/** The user as one app sees them: stable for (app, user), unrelated across apps. */
export function openidFor(secret: PlatformSecret, appId: string, userId: string): string {
  return secret.mac(`openid:${appId}:${userId}`);
}

/** The user as one merchant sees them across all its apps, so it can join its own data. */
export function unionidFor(secret: PlatformSecret, merchantId: string, userId: string): string {
  return secret.mac(`unionid:${merchantId}:${userId}`);
}
