#!/usr/bin/env node
// node build/scripts/build-if-changed.mjs renderer headoffice — each named build, unless it is current.
import { buildIfChanged, builds } from './builds.mjs';

for (const name of process.argv.slice(2)) {
  if (!(name in builds)) {
    console.error(`build-if-changed: no build named ${name}; known: ${Object.keys(builds).join(', ')}`);
    process.exit(2);
  }
  buildIfChanged(name);
}
