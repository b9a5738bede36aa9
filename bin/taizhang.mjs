#!/usr/bin/env node
// `npx taizhang <command>`: the command-line tools (bundle verify/inspect/keys/bundle, reports).
// Runs the TypeScript sources of scripts/cli with tsx, so the CLI uses exactly the app's shared/ code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
