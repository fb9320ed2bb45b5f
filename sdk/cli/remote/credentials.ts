import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What `atrium login` keeps: the host signed in to and the bearer token it gave. */
export interface Credentials {
  host: string;
  token: string;
  email: string;
  expiresAt: string;
}

type Env = Record<string, string | undefined>;

/** `$ATRIUM_CONFIG_DIR`, else `$XDG_CONFIG_HOME/atrium`, else `~/.config/atrium`. */
export function configDir(env: Env): string {
  if (env.ATRIUM_CONFIG_DIR) return env.ATRIUM_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'atrium');
  return join(env.HOME || homedir(), '.config', 'atrium');
}

export const credentialsFile = (env: Env): string => join(configDir(env), 'credentials.json');

function isCredentials(v: unknown): v is Credentials {
  const c = v as Record<string, unknown> | null;
  return typeof c === 'object' && c !== null && ['host', 'token', 'email', 'expiresAt'].every((k) => typeof c[k] === 'string');
}

/** The saved credentials; null when there are none or the file is not ours to read. */
export function loadCredentials(env: Env): Credentials | null {
  const file = credentialsFile(env);
  if (!existsSync(file)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isCredentials(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Writes the credentials readable by the user alone (file 0600 in a 0700 folder). The file is
 * made fresh and renamed into place, so it never exists with wider permissions, even briefly.
 */
export function saveCredentials(env: Env, c: Credentials): string {
  const dir = configDir(env);
  // A folder made here is 0700; one that exists is left as its owner set it (the file is 0600 anyway).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = credentialsFile(env);
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, JSON.stringify(c, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  renameSync(temp, file);
  return file;
}

/** Removes the saved credentials; false when there were none. */
export function deleteCredentials(env: Env): boolean {
  const file = credentialsFile(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}
