/**
 * `atrium`: scaffold, build, test and run mini-programs; submit, release and roll them back.
 *
 * @example
 * npx atrium init my-app && npx atrium dev my-app
 * npx atrium login --email me@example.com && npx atrium submit my-app --app my-app-1a2b3c
 */
import { parseArgs } from 'node:util';
import { appsCommand } from './apps.ts';
import { buildCommand } from './build.ts';
import { devCommand } from './dev.ts';
import { consoleIo, EXIT, type Command, type Io, type OptionValues } from './command.ts';
import { initCommand } from './init.ts';
import { loginCommand } from './login.ts';
import { logoutCommand } from './logout.ts';
import { releaseCommand } from './release.ts';
import { rollbackCommand } from './rollback.ts';
import { submitCommand } from './submit.ts';
import { testCommand } from './test.ts';
import { versionsCommand } from './versions.ts';
import { withdrawCommand } from './withdraw.ts';

export const commands: Command[] = [
  initCommand,
  buildCommand,
  devCommand,
  testCommand,
  // The app lifecycle, against a host: sign in, make an app, submit, follow the review, release.
  loginCommand,
  logoutCommand,
  appsCommand,
  submitCommand,
  versionsCommand,
  releaseCommand,
  rollbackCommand,
  withdrawCommand,
];

function mainHelp(): string[] {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'atrium: build, run and publish Atrium mini-programs',
    '',
    'Usage: atrium <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `atrium <command> --help` for what a command takes.',
  ];
}

function commandHelp(c: Command): string[] {
  return [c.summary, '', `Usage: ${c.usage}`, ...(c.details.length ? ['', ...c.details] : []), '  -h, --help    show this help'];
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const target = name === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    (target ? commandHelp(target) : mainHelp()).forEach((l) => io.out(l));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`atrium: unknown command "${name}"; the commands are ${commands.map((c) => c.name).join(', ')} (see atrium --help)`);
    return EXIT.usage;
  }
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues; positionals: string[] };
  } catch (e) {
    io.err(`atrium ${command.name}: ${(e as Error).message}`);
    io.err(`Usage: ${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    commandHelp(command).forEach((l) => io.out(l));
    return EXIT.ok;
  }
  if (parsed.positionals.length > command.maxPositionals) {
    io.err(`atrium ${command.name}: unexpected argument "${parsed.positionals[command.maxPositionals]}"`);
    io.err(`Usage: ${command.usage}`);
    return EXIT.usage;
  }
  return command.run(parsed.positionals, parsed.values, io);
}
