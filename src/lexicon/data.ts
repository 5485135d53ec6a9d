import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { packageRoot } from '../package-root.js';

/**
 * The lexicon's committed data lives in `data/lexicon/*.yml` at the package root (shipped through package.json
 * "files"), so the same files are read from the TypeScript sources in tests and from `dist/` when installed.
 */
export function readLexiconFile<T>(name: string): T {
  const file = join(packageRoot(), 'data', 'lexicon', name);
  const data = yaml.load(readFileSync(file, 'utf8'));
  if (data === null || typeof data !== 'object') throw new Error(`${file}: expected a YAML mapping`);
  return data as T;
}

/** "Trinidadian / Trini / Tobagonian" → the spellings of one identity. */
export function spellings(entry: string): string[] {
  return entry
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A generated JSON file of data/lexicon (see sources.ts): JSON.parse is far cheaper than YAML on every run. */
export function readGeneratedLexicon<T>(name: string): T {
  return JSON.parse(readFileSync(join(packageRoot(), 'data', 'lexicon', name), 'utf8')) as T;
}
