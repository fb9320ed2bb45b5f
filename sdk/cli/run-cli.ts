import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoDir } from './paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `atrium` command (`node bin/atrium.js ...`) as a child process, for tests. */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoDir, 'bin', 'atrium.js'), ...args],
      { cwd: options.cwd ?? repoDir, timeout: options.timeoutMs ?? 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
