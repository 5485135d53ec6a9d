import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../src/docs/generate.js';
import { packageRoot } from '../src/package-root.js';
import { rules } from '../rules/index.js';

// `npm run docs`: rewrites the generated documentation from rule metadata.
const root = packageRoot();
const files = generatedFiles(rules, readFileSync(join(root, 'README.md'), 'utf8'));
for (const [path, content] of files) writeFileSync(join(root, path), content);
console.log(`wrote ${files.size} files`);
