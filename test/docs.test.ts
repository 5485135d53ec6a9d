import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/docs/generate.js';
import { rules } from '../rules/index.js';
import { validateUserConfig } from '../src/config/config.js';

const root = join(import.meta.dirname, '..');
const read = (p: string) => (existsSync(join(root, p)) ? readFileSync(join(root, p), 'utf8') : '');

describe('generated documentation', () => {
  const files = generatedFiles(rules, read('README.md'));
  for (const [path, content] of files) {
    it(`${path} matches the rule metadata (run \`npm run docs\` after changing a rule)`, () => {
      expect(read(path)).toBe(content);
    });
  }

  it('the example configuration is valid', () => {
    expect(() => validateUserConfig(JSON.parse(read('.anti-racist-lintrc.example.json')), rules, 'example')).not.toThrow();
  });
});

describe('rule metadata', () => {
  for (const rule of rules) {
    it(`${rule.meta.id} has a clause, examples, a rationale and messages`, () => {
      const { meta } = rule;
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meta.standards.length).toBeGreaterThan(0);
      for (const s of meta.standards) expect(existsSync(join(root, '..', 'shared', 'standards', s.doc)) || /^\d{3}_/.test(s.doc)).toBe(true);
      expect(meta.docs.examples.bad.length).toBeGreaterThan(0);
      expect(meta.docs.examples.good.length).toBeGreaterThan(0);
      expect(meta.docs.rationale.length).toBeGreaterThan(40);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    });
  }
});
