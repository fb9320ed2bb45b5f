import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { shown } from './build.ts';
import { EXIT, type Command } from './command.ts';
import { scaffoldFiles, titleFromDir } from './scaffold.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a new mini-program: a manifest, a page and a passing test',
  usage: 'atrium init <dir> [--name <name>]',
  details: [
    '  dir           a new or empty folder',
    '  --name        the program name shown to users (default: from the folder name)',
  ],
  options: { name: { type: 'string' } },
  maxPositionals: 1,
  async run([dirArg], values, io) {
    if (!dirArg) {
      io.err('atrium init: say where, e.g. `atrium init my-app`');
      return EXIT.usage;
    }
    const dir = resolve(dirArg);
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) {
        io.err(`atrium init: ${shown(dir)} is a file, not a folder`);
        return EXIT.failed;
      }
      const present = readdirSync(dir);
      if (present.length) {
        io.err(`atrium init: ${shown(dir)} is not empty (it has ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', ...' : ''}); choose a new or empty folder`);
        return EXIT.failed;
      }
    }
    const name = (typeof values.name === 'string' && values.name.trim().slice(0, 40)) || titleFromDir(basename(dir));
    const files = scaffoldFiles(name);
    for (const [path, text] of Object.entries(files)) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const at = shown(dir);
    io.out(`Created ${name} in ${at}`);
    for (const path of Object.keys(files)) io.out(`  ${path}`);
    io.out('');
    io.out(`Next: npx atrium dev ${at}    (and npx atrium test ${at})`);
    return EXIT.ok;
  },
};
