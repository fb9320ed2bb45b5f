#!/usr/bin/env node
// The `atrium` command. The CLI is TypeScript; tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../sdk/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
