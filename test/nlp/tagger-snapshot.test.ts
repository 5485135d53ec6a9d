import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { decodeTree, encodeTree, type EncodedTree } from '../../src/nlp/snapshot-codec.js';
import { loadTaggerSnapshot } from '../../src/nlp/tagger-snapshot.js';
import { packageRoot } from '../../src/package-root.js';
import { rules } from '../../rules/index.js';

type Tagger = (text: string) => { json(options: object): unknown };

/** Every sentence of the repository's invented documents and of the rules' documented examples. */
function sentences(): string[] {
  const root = packageRoot();
  const texts: string[] = [];
  const documents = join(root, 'fixtures', 'documents');
  for (const name of readdirSync(documents).filter((n) => /\.(txt|md)$/.test(n))) texts.push(readFileSync(join(documents, name), 'utf8'));
  for (const line of readFileSync(join(root, 'fixtures', 'eval', 'extra.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    texts.push((JSON.parse(line) as { text: string }).text);
  }
  for (const rule of rules) texts.push(...rule.meta.docs.examples.bad, ...rule.meta.docs.examples.good);
  return texts.flatMap((text) => {
    const doc = parseDocument(text);
    return doc.sentences.map((s) => text.slice(s.span.start, s.span.end));
  });
}

describe('tagger snapshot (dist/tagger, made by npm run build)', () => {
  it('is built and tags every sentence exactly as compromise/two does', () => {
    const snapshot = loadTaggerSnapshot() as Tagger | undefined;
    expect(snapshot, 'no usable tagger snapshot: run npm run build').toBeDefined();
    const official = createRequire(import.meta.url)('compromise/two') as Tagger;
    const options = { offset: true, terms: { tags: true, offset: true } };
    // Term ids are random per run; everything else must be identical.
    const plain = (json: unknown) => JSON.stringify(json, (key, value: unknown) => (key === 'id' ? undefined : value));
    const all = sentences();
    expect(all.length).toBeGreaterThan(200);
    const differing = all.filter((s) => plain(snapshot!(s).json(options)) !== plain(official(s).json(options)));
    expect(differing).toEqual([]);
  });
});

describe('snapshot codec', () => {
  it('round-trips what JSON alone loses', () => {
    const shared = { tags: ['Noun'] };
    const tree = {
      re: /^[a-z]+'s$/giu,
      set: new Set(['a', 'b', 3]),
      nothing: undefined,
      numbers: [NaN, Infinity, -Infinity, 0, 1.5],
      first: shared,
      nested: { again: shared, list: [shared] },
      order: { b: 1, a: 2, 10: 'x', 2: 'y' },
    };
    const back = decodeTree(JSON.parse(JSON.stringify(encodeTree(tree))) as EncodedTree) as typeof tree;
    expect(back).toStrictEqual(tree);
    expect('nothing' in back).toBe(true);
    expect(back.nested.again).toBe(back.first);
    expect(back.nested.list[0]).toBe(back.first);
    expect(Object.keys(back.order)).toEqual(Object.keys(tree.order));
  });

  it('refuses what it cannot store exactly', () => {
    expect(() => encodeTree({ f: () => 1 })).toThrow(/function at f/);
    expect(() => encodeTree({ m: new Map() })).toThrow(/Map at m/);
    expect(() => encodeTree({ s: new Set([{}]) })).toThrow(/Sets of strings/);
    expect(() => encodeTree({ a: [1, , 3] })).toThrow(/sparse array at a/);
  });
});
