import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserBundle } from '../../view/chrome/bundle.ts';

/** The dev shell's browser script, bundled from `client.ts` once per process. */
export const clientCode = browserBundle(join(dirname(fileURLToPath(import.meta.url)), 'client.ts'));
