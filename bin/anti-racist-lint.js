#!/usr/bin/env node
// The bundled command line (scripts/bundle-cli.ts) starts several times faster; it is used unless it is missing
// or older than the compiled sources (a `tsc` run without the bundle step), which are then run directly.
import { statSync } from 'node:fs';

const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime('../dist/cli/main.js') >= mtime('../dist/src/cli/main.js') ? '../dist/cli/main.js' : '../dist/src/cli/main.js';
import(entry).then((cli) => cli.main(process.argv)).then((code) => { process.exitCode = code; });
