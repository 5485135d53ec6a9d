import { describe, expect, it } from 'vitest';
import { isNegatedAt, isProhibition } from '../../src/nlp/negation.js';
import { parseDocument } from '../../src/parse/index.js';

/** Is the first occurrence of `word` negated? */
function negated(text: string, word: string): boolean {
  const doc = parseDocument(text);
  const s = doc.sentences[0];
  return isNegatedAt(s, s.tokens.findIndex((t) => t.normal === word), doc.text);
}

describe('negation', () => {
  it.each([
    ['This was not banter.', 'banter'],
    ['It was not just banter.', 'banter'],
    ["It wasn't banter.", 'banter'],
    ['Describe the risk rather than streetwise behaviour.', 'streetwise'],
  ])('"%s": the word is rejected', (text, word) => {
    expect(negated(text, word)).toBe(true);
  });

  it.each([
    ['It was not racist, just banter.', 'banter'],
    ['She was not at school; she is streetwise.', 'streetwise'],
    ['He is streetwise.', 'streetwise'],
  ])('"%s": the word is used', (text, word) => {
    expect(negated(text, word)).toBe(false);
  });

  it('recognises instructions that name the words they forbid', () => {
    expect(isProhibition(parseDocument('Do not describe a child as streetwise.').sentences[0])).toBe(true);
    expect(isProhibition(parseDocument('Staff do not think he is streetwise.').sentences[0])).toBe(false);
  });
});
