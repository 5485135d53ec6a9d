import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dataKey, readYamlData, sha1 } from '../../src/terms/yaml-data.js';
import { packageRoot } from '../../src/package-root.js';

const root = packageRoot();
const file = join(root, 'rules', 'mixed-race', 'terms.yml');
const text = readFileSync(file, 'utf8');

describe('readYamlData', () => {
  it('reads every data file of the package as js-yaml does', () => {
    const files = [
      ...readdirSync(join(root, 'rules'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => readdirSync(join(root, 'rules', d.name)).filter((n) => n.endsWith('.yml')).map((n) => join(root, 'rules', d.name, n))),
      ...readdirSync(join(root, 'data', 'lexicon')).map((n) => join(root, 'data', 'lexicon', n)),
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readYamlData(f), dataKey(f)).toStrictEqual(yaml.load(readFileSync(f, 'utf8')));
  });

  it('prefers the precompiled copy while the YAML is unchanged', () => {
    const store = { [dataKey(file)]: { sha1: sha1(text), json: '{"from":"copy"}' } };
    expect(readYamlData(file, store)).toEqual({ from: 'copy' });
  });

  it('reads the YAML once it has changed since the copy was made', () => {
    const store = { [dataKey(file)]: { sha1: sha1(`${text}\n# edited`), json: '{"from":"copy"}' } };
    expect(readYamlData(file, store)).toStrictEqual(yaml.load(text));
  });

  it('gives every caller its own copy, as yaml.load does', () => {
    const store = { [dataKey(file)]: { sha1: sha1(text), json: '{"terms":[]}' } };
    expect(readYamlData(file, store)).not.toBe(readYamlData(file, store));
  });
});
