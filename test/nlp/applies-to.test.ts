import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { tagSentence } from '../../src/nlp/tagger.js';
import { findTarget, SentenceView, subjectBefore } from '../../src/nlp/applies-to.js';

/** What `word` applies to in a one-sentence text: [kind, relation, head text]. */
function target(text: string, word: string) {
  const doc = parseDocument(text);
  const sentence = doc.sentences[0];
  const index = sentence.tokens.findIndex((t) => t.normal === word);
  if (index < 0) throw new Error(`no token ${word}`);
  const found = findTarget(new SentenceView(sentence, tagSentence(doc, sentence), text), index, index);
  return [found.kind, found.relation, found.head?.text ?? null];
}

describe('findTarget', () => {
  it('finds the noun an adjective modifies, across coordinated adjectives', () => {
    expect(target('Do not visit aggressive or volatile service users alone.', 'aggressive')).toEqual(['person', 'attributive', 'users']);
  });
  it('looks through "form of" to the illness', () => {
    expect(target('She has an aggressive form of lymphoma.', 'aggressive')).toEqual(['thing', 'attributive', 'lymphoma']);
  });
  it('finds the subject of a linking verb', () => {
    expect(target('Mr Adu was hostile at the door.', 'hostile')).toEqual(['person', 'predicative', 'Adu']);
  });
  it('takes the head of the subject phrase, not the noun inside its prepositional phrase', () => {
    expect(target('Her hours at the care home are unpredictable.', 'unpredictable')).toEqual(['thing', 'predicative', 'hours']);
    expect(target('His behaviour at school is unpredictable.', 'unpredictable')).toEqual(['behaviour', 'predicative', 'behaviour']);
  });
  it('finds the object of "describe … as", skipping an agent phrase', () => {
    expect(target('Staff describe her as evasive.', 'evasive')).toEqual(['person', 'complement', 'her']);
    expect(target('The family are described by the school as uncooperative.', 'uncooperative')).toEqual(['person', 'complement', 'family']);
  });
  it('finds the object of "find … ADJ"', () => {
    expect(target('She found the meeting intimidating.', 'intimidating')).toEqual(['thing', 'complement', 'meeting']);
  });
  it('shares the subject of the first clause across "and"', () => {
    expect(target('Mr Wright stood in the doorway and was loud throughout.', 'loud')).toEqual(['person', 'predicative', 'Wright']);
  });
  it('resolves a relative pronoun to its antecedent', () => {
    expect(target('Uptake is low among carers, who continue to be hard to reach.', 'hard')).toEqual(['person', 'predicative', 'carers']);
  });
  it('finds the clause subject for a manner adverb', () => {
    expect(target('The tumour grew aggressively.', 'aggressively')).toEqual(['thing', 'manner', 'tumour']);
  });
  it('marks an elided subject', () => {
    const doc = parseDocument('Was hostile at the door.');
    const sentence = doc.sentences[0];
    expect(findTarget(new SentenceView(sentence, tagSentence(doc, sentence), doc.text), 1, 1)).toMatchObject({ kind: 'none', elided: true });
  });
});

describe('subjectBefore', () => {
  it('skips auxiliaries and an appositive age', () => {
    const text = 'Ms Obi, 42, has refused to engage.';
    const doc = parseDocument(text);
    const sentence = doc.sentences[0];
    const verb = sentence.tokens.findIndex((t) => t.normal === 'refused');
    expect(subjectBefore(new SentenceView(sentence, tagSentence(doc, sentence), text), verb).head?.text).toBe('Obi');
  });
});

describe('findTarget, wider classes', () => {
  it('takes a capitalised word after a title for a person, whatever else it means', () => {
    expect(target('Ms Price appeared hostile to the baby.', 'hostile')).toEqual(['person', 'predicative', 'Price']);
    expect(target('Mr A was rude to the nurse.', 'rude')).toEqual(['person', 'predicative', 'A']);
  });
  it('knows perpetrators and suspects are people', () => {
    expect(target('The perpetrator was hostile towards officers.', 'hostile')[0]).toBe('person');
  });
  it('lets a noun phrase after a linking verb carry the label to its subject', () => {
    expect(target('He is an intimidating figure at the school gate.', 'intimidating')).toEqual(['person', 'predicative', 'He']);
    expect(target('It is an aggressive strain of the virus.', 'aggressive')[0]).toBe('thing');
  });
  it('gives a gerund after a preposition the subject of its clause', () => {
    expect(target('The family have a reputation for being hard to reach.', 'hard')[0]).toBe('person');
  });
  it('does not take a preposition the tagger calls an adjective for part of the subject', () => {
    expect(target('The cupboard under the stairs is hard to reach.', 'hard')).toEqual(['thing', 'predicative', 'cupboard']);
  });
  it('reads a field named after a person: "Father: hostile"', () => {
    expect(target('Father: hostile on arrival.', 'hostile')).toEqual(['person', 'predicative', 'Father']);
    expect(target('Note: hostile environment policy applies.', 'hostile')[0]).toBe('thing');
  });
  it('skips a relative clause set off by commas to find the subject', () => {
    expect(target('Grandad, who is unwell, was hostile at the door.', 'hostile')).toEqual(['person', 'predicative', 'Grandad']);
    expect(target('The boiler, which is old, is loud.', 'loud')[0]).toBe('thing');
  });
});
