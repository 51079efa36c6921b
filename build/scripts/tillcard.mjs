#!/usr/bin/env node
// `npx tillcard <command>` — bundles the command line only when its sources changed since the last build
// (quietly: stdout is the command's answer), then runs it in this process, compiling no TypeScript.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfChanged } from './builds.mjs';
import { repoRoot } from './paths.mjs';

buildIfChanged('cli', { quiet: true });
await import(pathToFileURL(join(repoRoot, 'dist', 'cli', 'main.js')).href);
