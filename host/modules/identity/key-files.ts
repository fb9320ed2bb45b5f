import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `<dataDir>/keys`: the signing keys and the platform secret, readable by the host's user only. */
export function keyDir(dataDir: string): string {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/**
 * Writes a secret file unless it exists, and returns what the file holds afterwards. The content
 * goes to a private temporary file first and is then linked into place, so no reader ever sees a
 * half-written key, and when two processes start at once on a fresh data directory exactly one
 * file wins and both read it.
 */
export function createSecretFile(path: string, content: string): string {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return content;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(path, 'utf8');
  } finally {
    unlinkSync(temporary);
  }
}
