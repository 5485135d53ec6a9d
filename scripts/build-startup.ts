import { packageRoot } from '../src/package-root.js';
import { bundleCli } from './bundle-cli.js';
import { buildTaggerSnapshot } from './build-tagger.js';
import { precompileData } from './precompile-data.js';

// Part of `npm run build`, after tsc: what makes the command line start fast (see bench/STARTUP.md).
const root = packageRoot();
const data = precompileData(root);
if (data.skipped.length) console.warn(`yaml data kept as YAML (JSON cannot hold it exactly): ${data.skipped.join(', ')}`);
await buildTaggerSnapshot(root);
await bundleCli(root);
