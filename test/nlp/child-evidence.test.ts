import { describe, expect, it } from 'vitest';
import { people, subjectStatus } from '../../src/nlp/child-evidence.js';
import { parseDocument } from '../../src/parse/index.js';

/** The status of the person a marked word (first occurrence of `word`) is about. */
function statusAt(text: string, word: string) {
  const doc = parseDocument(text);
  for (const s of doc.sentences) {
    const i = s.tokens.findIndex((t) => t.normal === word);
    if (i >= 0) return subjectStatus(doc, s, i);
  }
  throw new Error(`no "${word}" in the text`);
}

describe('child evidence', () => {
  it.each([
    ['Leah (14) was seen.', 14],
    ['Jayden, 17, presented as homeless.', 17],
    ['Kofi Asante (11) at school.', 11],
    ['Amber, aged 15, was found.', 15],
    ['The 15-year-old girl was found.', 15],
    ['Kayla is 13.', 13],
    ['Mr Byrne, 39, was admitted.', 39],
  ])('finds the age in "%s"', (text, age) => {
    const found = people(parseDocument(text)).refs.flat().map((r) => r.age).filter((a) => a !== undefined);
    expect(found).toEqual([age]);
  });

  it.each([
    'Ayo arrived on 14 March, 2024.',
    'He has lived here for 14 years.',
    'The flat is 14 floors up.',
    'Visit at 14:00 today.',
  ])('finds no age in "%s"', (text) => {
    expect(people(parseDocument(text)).refs.flat().filter((r) => r.age !== undefined)).toEqual([]);
  });

  it('resolves a pronoun to the first agreeing person of an earlier sentence', () => {
    expect(statusAt('Leah (14) was collected by police. She is streetwise.', 'streetwise')).toMatchObject({ child: true, age: 14, from: 'subject' });
  });

  it('prefers a person of the same gender to a name of unknown gender', () => {
    expect(statusAt('Aisha (14) was with a man aged 29. He is streetwise.', 'streetwise')).toMatchObject({ child: false, age: 29 });
  });

  it('treats titled people and parents as adults', () => {
    expect(statusAt('Ms Dunn is streetwise.', 'streetwise').child).toBe(false);
    expect(statusAt('Amy (9) lives at home. Her mother is streetwise.', 'streetwise').child).toBe(false);
  });

  it('falls back on the document: a record that gives a child’s age is about a child', () => {
    expect(statusAt('The group are streetwise. Mo (12) was with them.', 'streetwise')).toMatchObject({ child: true, from: 'document' });
    expect(statusAt('The group are streetwise.', 'streetwise').child).toBeUndefined();
  });
});
