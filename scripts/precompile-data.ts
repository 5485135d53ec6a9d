import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import yaml from 'js-yaml';
import { dataKey, sha1, PRECOMPILED_DATA_FILE, type PrecompiledData } from '../src/terms/yaml-data.js';

/**
 * Build step: parses every YAML data file of the package once and writes the results as JSON to
 * dist/yaml-data.json, which readYamlData prefers while the YAML is unchanged. Data that JSON cannot hold
 * exactly (dates, binary) is left out, so such a file is still read as YAML.
 */
function yamlFiles(root: string): string[] {
  const files: string[] = [];
  const rulesDir = join(root, 'rules');
  for (const id of readdirSync(rulesDir).sort()) {
    const dir = join(rulesDir, id);
    if (!existsSync(join(dir, 'rule.ts')) && !existsSync(join(dir, 'rule.js'))) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.yml')) files.push(join(dir, name));
  }
  const lexiconDir = join(root, 'data', 'lexicon');
  if (existsSync(lexiconDir)) for (const name of readdirSync(lexiconDir).sort()) if (name.endsWith('.yml')) files.push(join(lexiconDir, name));
  return files;
}

export function precompileData(root: string): { written: number; skipped: string[] } {
  const out: PrecompiledData = { version: 1, files: {} };
  const skipped: string[] = [];
  for (const file of yamlFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const data = yaml.load(text);
    const json = JSON.stringify(data);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) {
      skipped.push(dataKey(file));
      continue;
    }
    out.files[dataKey(file)] = { sha1: sha1(text), json };
  }
  writeFileSync(join(root, PRECOMPILED_DATA_FILE), JSON.stringify(out));
  return { written: Object.keys(out.files).length, skipped };
}
