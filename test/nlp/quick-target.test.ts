import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { tagSentence } from '../../src/nlp/tagger.js';
import { findTarget, SentenceView, subjectBefore } from '../../src/nlp/applies-to.js';
import { quickTarget, quickVerbSubject } from '../../src/nlp/quick-target.js';
import { unmark } from '../helpers/rule-tester.js';

/** The sentence and the token range of the ⟦marked⟧ words. */
function marked(text: string) {
  const { text: plain, spans } = unmark(text);
  const doc = parseDocument(plain);
  const sentence = doc.sentences.find((s) => s.span.start <= spans[0].start && spans[0].start < s.span.end)!;
  const first = sentence.tokens.findIndex((t) => t.span.end > spans[0].start);
  const last = sentence.tokens.findIndex((t) => t.span.end >= spans[0].end);
  return { doc, plain, sentence, first, last };
}

function quick(text: string) {
  const { plain, sentence, first, last } = marked(text);
  return quickTarget(sentence, plain, first, last);
}

function full(text: string) {
  const { doc, plain, sentence, first, last } = marked(text);
  return findTarget(new SentenceView(sentence, tagSentence(doc, sentence), plain), first, last);
}

/** Labels in many shapes; the fast path must either abstain or agree with the tagged analysis. */
const LABELS = [
  'Ms Price appeared ⟦hostile⟧ to the baby.',
  'Mr A has been verbally ⟦threatening⟧ to the worker.',
  'He was ⟦evasive⟧ when I asked about school.',
  'She is ⟦loud⟧ and ⟦rude⟧ at handovers.',
  'Mum became ⟦argumentative⟧, so I ended the visit.',
  'The family remain ⟦resistant⟧ to support.',
  'The perpetrator was ⟦hostile⟧ towards officers.',
  'Staff said Dad was ⟦intimidating⟧ at the door.',
  'Dad presented as ⟦hostile⟧ and left early.',
  'She was described as ⟦defiant⟧ by the school.',
  'Staff describe her as ⟦evasive⟧, and the children are unsettled.',
  'Jo (14) was ⟦defiant⟧ at bedtime.',
  'At nursery Aziz is ⟦loud⟧ with other children.',
  'The teacher found him ⟦intimidating⟧.',
  'Kwesi was ⟦loud⟧ at tea time.',
  'Her hours at the care home are ⟦unpredictable⟧.',
  'His moods at home are ⟦volatile⟧ and hard to read.',
  'The dog next door is ⟦aggressive⟧.',
  'There was a ⟦loud⟧ bang from the flat above.',
  'Mr Ode has an ⟦aggressive⟧ prostate cancer.',
  'Do not visit ⟦aggressive⟧ or volatile tenants alone.',
  'Dean is an ⟦aggressive⟧ boy who fights.',
  'He is an ⟦intimidating⟧ presence in the home.',
  'The weather was ⟦unpredictable⟧ all week.',
  'Her ex-partner is ⟦menacing⟧ towards staff.',
  'Ms Bell, the mother, was ⟦rude⟧ to reception.',
  'Her mother, Ms Ama Kyei, has been ⟦resistant⟧ to the plan.',
  'Mr Finch does not want carers and is ⟦non-compliant⟧ with the plan.',
  'Mr Dunne spoke ⟦aggressively⟧ to the nurse.',
  'The tumour grew ⟦aggressively⟧.',
  'The cupboard under the stairs is ⟦hard to reach⟧.',
  'Families who are ⟦hard to reach⟧ get a home visit.',
  'The family are known for being ⟦hard to reach⟧.',
  'Mum was tired and ⟦hostile⟧ on the phone.',
  'If a parent is ⟦unpredictable⟧, plan a joint visit.',
  'Grandad feels ⟦angry⟧ and exhausted, and that worries Mum.',
  'Was ⟦argumentative⟧ at the start of the review.',
  'Dad ⟦hostile⟧ on arrival, calmer later.',
  'The young person was ⟦uncooperative⟧ with the nurse.',
  "Kofi's mother was ⟦evasive⟧ about the injury.",
  'It was ⟦chaotic⟧ when we arrived.',
  'We were ⟦resistant⟧ to the change at first.',
  'The meeting was ⟦intimidating⟧ for Ms Ray.',
  'Music was ⟦loud⟧ in the flat.',
  'The school run is ⟦chaotic⟧, Mum says.',
  'Grandad, who is unwell, was ⟦hostile⟧ at the door.',
  'The boiler, which is old, is ⟦loud⟧.',
  'Father: ⟦hostile⟧ on arrival.',
  'Staff said the mother moved twice and has been ⟦resistant⟧ to support.',
];

describe('quickTarget', () => {
  for (const text of LABELS) {
    it(`abstains or agrees with findTarget: ${text}`, () => {
      const fast = quick(text);
      if (!fast) return;
      const slow = full(text);
      expect([fast.kind, fast.relation]).toEqual([slow.kind, slow.relation]);
    });
  }

  it('decides plain cases without tags', () => {
    expect(quick('Ms Price appeared ⟦hostile⟧ to the baby.')).toMatchObject({ kind: 'person', relation: 'predicative' });
    expect(quick('He was ⟦evasive⟧ when I asked about school.')).toMatchObject({ kind: 'person' });
    expect(quick('Jo (14) was ⟦defiant⟧ at bedtime.')).toMatchObject({ kind: 'person' });
    expect(quick('The dog is ⟦aggressive⟧ with visitors.')?.kind).toBe('thing');
    expect(quick('There was a ⟦loud⟧ bang from the flat above.')).toMatchObject({ kind: 'thing', relation: 'attributive' });
    expect(quick('The teacher found him ⟦intimidating⟧.')).toMatchObject({ kind: 'person', relation: 'complement' });
    expect(quick('Was ⟦argumentative⟧ at the start of the review.')).toMatchObject({ kind: 'none', elided: true });
  });

  it('abstains when only the tagger can tell', () => {
    expect(quick('Kwesi was ⟦loud⟧ at tea time.')).toBeUndefined();
    expect(quick('Dean is an ⟦aggressive⟧ lad who fights.')).toBeUndefined();
    expect(quick('Mum was ⟦hostile⟧ today.')).toBeUndefined();
  });
});

describe('quickVerbSubject', () => {
  const cases = [
    'Families who ⟦fail⟧ to engage are written to.',
    'Mr Obi, 42, has ⟦refused⟧ to engage.',
    'Ms Doyle did not ⟦engage⟧ with the group.',
    'Services that ⟦fail⟧ to engage fathers miss risks.',
    'The carers often ⟦refuse⟧ to engage.',
    'We ⟦failed⟧ to engage the father.',
  ];
  for (const text of cases) {
    it(`abstains or agrees with subjectBefore: ${text}`, () => {
      const { doc, plain, sentence, first } = marked(text);
      const fast = quickVerbSubject(sentence, plain, first);
      if (!fast) return;
      expect(fast.kind).toBe(subjectBefore(new SentenceView(sentence, tagSentence(doc, sentence), plain), first).kind);
    });
  }
  it('resolves "who" to a person noun and "we" to the service', () => {
    const subject = (text: string) => {
      const { plain, sentence, first } = marked(text);
      return quickVerbSubject(sentence, plain, first)?.kind;
    };
    expect(subject('Families who ⟦fail⟧ to engage are written to.')).toBe('person');
    expect(subject('We ⟦failed⟧ to engage the father.')).toBe('service');
  });
});
