import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { packageRoot } from '../package-root.js';

/**
 * The package's YAML data (rules' terms.yml, glossary.yml, …, data/lexicon/*.yml), read through a JSON copy the
 * build makes (`npm run build` → dist/yaml-data.json). Parsing YAML costs tens of milliseconds on every run of
 * the command line; JSON.parse of the same data costs well under one.
 *
 * The copy is used for a file only while the file is byte-for-byte the one it was made from (checked by hash),
 * so an edited terms.yml is read as YAML until the next build, and tests from the sources never see stale data.
 */
export const PRECOMPILED_DATA_FILE = join('dist', 'yaml-data.json');

interface PrecompiledEntry {
  /** sha1 of the YAML text the data was parsed from. */
  sha1: string;
  /** The parsed data as JSON text: parsed per read, so every caller gets its own copy, as with yaml.load. */
  json: string;
}

export interface PrecompiledData {
  version: 1;
  /** Key: path relative to the package root, with forward slashes. */
  files: Record<string, PrecompiledEntry>;
}

let precompiled: PrecompiledData['files'] | undefined;

function precompiledFiles(): PrecompiledData['files'] {
  if (!precompiled) {
    try {
      const data = JSON.parse(readFileSync(join(packageRoot(), PRECOMPILED_DATA_FILE), 'utf8')) as PrecompiledData;
      precompiled = data.version === 1 && data.files ? data.files : {};
    } catch {
      // Not built (tests from the sources, a fresh checkout): every file is read as YAML.
      precompiled = {};
    }
  }
  return precompiled;
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The key of a data file in the precompiled copy. */
export function dataKey(file: string): string {
  return relative(packageRoot(), file).split(sep).join('/');
}

/** Reads and parses a YAML data file of the package, from its precompiled JSON copy when that is current. */
export function readYamlData(file: string, store: PrecompiledData['files'] = precompiledFiles()): unknown {
  const text = readFileSync(file, 'utf8');
  const entry = store[dataKey(file)];
  if (entry && entry.sha1 === sha1(text)) return JSON.parse(entry.json);
  return yaml.load(text);
}
