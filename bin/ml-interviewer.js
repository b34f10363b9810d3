#!/usr/bin/env node
// The `ml-interviewer` command (`npx ml-interviewer <command>`): the same CLI as
// `npm run cli -- <command>`, without npm's banner, so `--json` output is pure JSON.
// TypeScript runs through tsx's loader, registered here instead of via `node --import tsx`.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../src/cli.ts');
runFromProcess();
