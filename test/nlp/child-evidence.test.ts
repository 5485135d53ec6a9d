import { describe, expect, it } from 'vitest';
import { ageAfter, people, subjectStatus } from '../../src/nlp/child-evidence.js';
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
    ['She lives with her boyfriend, 25, in Hull.', 25],
    ['Her cousin (24) visits.', 24],
    ['Her boyfriend is 21 and drives.', 21],
    ['Dionne is only 13.', 13],
  ])('finds the age in "%s"', (text, age) => {
    const found = people(parseDocument(text)).refs.flat().map((r) => r.age).filter((a) => a !== undefined);
    expect(found).toEqual([age]);
  });

  it.each([
    'Ayo arrived on 14 March, 2024.',
    'He has lived here for 14 years.',
    'The flat is 14 floors up.',
    'Visit at 14:00 today.',
    'The meeting is in room 12, 3rd floor.',
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

  it('gives an age in apposition to the word for the person, not to who a sentence is about', () => {
    const refs = people(parseDocument('Aaliyah (15) has a 30-year-old boyfriend.')).refs.flat();
    expect(refs.map((r) => [r.kind, r.age])).toEqual([['name', 15], ['person', 30]]);
  });

  it('passes over people inside a prepositional phrase', () => {
    expect(statusAt('Kwame (14) is described by staff as streetwise.', 'streetwise')).toMatchObject({ child: true, age: 14 });
    expect(statusAt('Mr Lane (47) was seen with two boys and is streetwise.', 'streetwise')).toMatchObject({ child: false, age: 47 });
    expect(statusAt('Staff are worried about Rosie (14) being streetwise.', 'streetwise')).toMatchObject({ child: true, age: 14 });
  });

  it("resolves 'this young man' like a pronoun, and YP as a child", () => {
    expect(statusAt('Reece (13) was found in a flat. Police say this young man is streetwise.', 'streetwise')).toMatchObject({ child: true, age: 13 });
    expect(statusAt('The YP is streetwise.', 'streetwise')).toMatchObject({ child: true, from: 'subject' });
  });

  it("does not let 'her' in 'Marcus is her boyfriend' point at Marcus", () => {
    const text = 'Precious, 15, sees Marcus, 27, at weekends. Her mum says Marcus is her boyfriend.';
    const doc = parseDocument(text);
    const s = doc.sentences[1];
    const her = s.tokens.findIndex((t, i) => t.normal === 'her' && i > 2);
    expect(subjectStatus(doc, s, her + 1)).toMatchObject({ child: true, age: 15 });
  });

  it("points 'one of them' at a group, not at one person", () => {
    expect(statusAt('Shona (14) was with two men aged 25 and 30. One of them is streetwise.', 'streetwise').child).toBe(false);
  });

  it.each([
    ['She was already streetwise at 12.', 12],
    ['He has been sexually active since he was 13.', 13],
    ['She was promiscuous from the age of 14 and missing often.', 14],
    ['She was streetwise as young as 9.', 9],
  ])('reads the age a phrase applied at in "%s"', (text, age) => {
    const doc = parseDocument(text);
    const s = doc.sentences[0];
    const last = s.tokens.findIndex((t) => /^(?:streetwise|active|promiscuous)$/.test(t.normal));
    expect(ageAfter(doc, s, last)).toBe(age);
  });

  it.each(['She was putting herself at risk at 11 on Friday.', 'She was streetwise at 12:30 today.', 'She was streetwise in 2012.'])(
    'reads no age after the phrase in "%s"',
    (text) => {
      const doc = parseDocument(text);
      const s = doc.sentences[0];
      const last = s.tokens.findIndex((t) => /^(?:risk|streetwise)$/.test(t.normal));
      expect(ageAfter(doc, s, last)).toBeUndefined();
    },
  );
});
