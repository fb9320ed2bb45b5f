#!/usr/bin/env node
// The `atrium-host` command: operator commands for a host (admin create). TypeScript, compiled on the fly by tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../host/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
