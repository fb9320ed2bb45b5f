import { createInterface } from 'node:readline/promises';
import type { Input } from '../command.ts';

/** At a terminal: `prompt` on stderr, then what is typed, not echoed, up to Enter; null on Ctrl+C. */
function readHidden(input: Input & { setRawMode(mode: boolean): unknown }, prompt: string): Promise<string | null> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    let typed = '';
    const finish = (value: string | null) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    function onData(chunk: Buffer | string) {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(typed);
        if (ch === '\u0003') return finish(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    }
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The first line of `input`, without its line ending; '' when there is none. */
async function readLine(input: Input): Promise<string> {
  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/**
 * A password, kept out of the process list: typed at a prompt without echo when standard input is
 * a terminal, else the first line of standard input (`atrium login < password.txt`). Null when
 * the person pressed Ctrl+C.
 */
export function readPassword(input: Input, prompt = 'Password: '): Promise<string | null> {
  if (input.isTTY && typeof input.setRawMode === 'function') return readHidden(input as Input & { setRawMode(mode: boolean): unknown }, prompt);
  return readLine(input);
}
