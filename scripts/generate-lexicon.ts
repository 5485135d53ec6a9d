import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledLexiconText } from '../src/lexicon/sources.js';
import { packageRoot } from '../src/package-root.js';

// `npm run lexicon`: rebuilds data/lexicon/compiled.json from data/lexicon/*.yml and the country packages.
const file = join(packageRoot(), 'data', 'lexicon', 'compiled.json');
writeFileSync(file, compiledLexiconText());
console.log(`wrote ${file}`);
