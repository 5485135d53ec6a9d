import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/linter.js';

/**
 * End-to-end fixtures: invented records in fixtures/documents/, each with a `.expected` file listing the
 * findings (line, rule, matched text) the whole engine must report — no more, no fewer. Info findings
 * (contested uses) are not part of the expectation.
 */
const dir = join(import.meta.dirname, '..', 'fixtures', 'documents');
const documents = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));

function expected(file: string): string[] {
  return readFileSync(join(dir, file.replace(/\.(txt|md)$/, '.expected')), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim())
    .sort();
}

describe('fixtures/documents', () => {
  it('has documents with and without breaches', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    expect(documents.filter((d) => expected(d).length === 0).length).toBeGreaterThanOrEqual(2);
  });

  for (const file of documents) {
    it(`${file} gives exactly the expected findings`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const result = lintText(text, { filePath: join(dir, file) });
      const lines = text.split('\n');
      const got = result.messages
        .filter((m) => m.severity > 0)
        .map((m) => `${m.line} ${m.ruleId} ${m.line === m.endLine ? lines[m.line - 1].slice(m.column - 1, m.endColumn - 1) : ''}`.trim())
        .sort();
      expect(got).toEqual(expected(file));
    });
  }
});
