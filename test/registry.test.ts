import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';

describe('rule registry', () => {
  it('lists every folder in rules/, sorted by id, each module named by its folder', () => {
    const dir = join(import.meta.dirname, '..', 'rules');
    const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort();
    expect(rules.map((r) => r.meta.id)).toEqual(folders);
  });

  it('has no duplicate ids or aliases', () => {
    const names = rules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has no phrase in two rules’ term lists', () => {
    const owner = new Map<string, string>();
    for (const rule of rules) {
      for (const term of rule.terms?.terms ?? []) {
        for (const phrase of term.match) {
          const key = phrase.toLowerCase().replace(/[-\s]+/g, ' ');
          expect(owner.get(key), `"${phrase}" is in ${owner.get(key)} and ${rule.meta.id}`).toBeUndefined();
          owner.set(key, rule.meta.id);
        }
      }
    }
  });
});
