import type { ParseArgsConfig } from 'node:util';

/** Standard input as a command reads it: a stream, maybe a terminal. */
export type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

/**
 * Where a command writes, and what it reads besides its arguments: the terminal and the process's
 * environment, or a test's buffer and an environment of its own.
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Read for ATRIUM_HOST, ATRIUM_APP and the config directory; process.env when left out. */
  env?: Record<string, string | undefined>;
  /** Where a password comes from; process.stdin when left out. */
  stdin?: Input;
}

export const consoleIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export const envOf = (io: Io): Record<string, string | undefined> => io.env ?? process.env;
export const stdinOf = (io: Io): Input => io.stdin ?? process.stdin;

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `atrium` command: its help, its options, and what it does. Resolves to the exit code. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `atrium build [dir] [--out dist]` */
  usage: string;
  /** Lines describing arguments and options, shown by `--help`. */
  details: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** Most positionals the command accepts. */
  maxPositionals: number;
  run(positionals: string[], values: OptionValues, io: Io): Promise<number>;
}

/** Exit codes: 0 done, 1 the work failed (a build error, a failing test), 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
