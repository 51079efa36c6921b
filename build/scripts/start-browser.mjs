#!/usr/bin/env node
// npm run start:browser — builds the renderer and bundles the browser host only when their sources changed
// since the last build, then runs the host in this process (so its pid, signals and stdin are this script's).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfChanged } from './builds.mjs';
import { repoRoot } from './paths.mjs';

buildIfChanged('renderer');
buildIfChanged('browser-host');
await import(pathToFileURL(join(repoRoot, 'dist', 'browser-host', 'main.js')).href);
