import { describe, expect, it } from 'vitest';
import rule, { retextPatterns, SKIP } from '../../rules/general-inclusive/rule.js';
import { rules } from '../../rules/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'Mr Osei uses a wheelchair and lives in a ground-floor flat.', note: 'person-first wording' },
    { text: 'The special guardianship order was made in May.', note: 'statutory order' },
    { text: 'Zara (9) has special educational needs and goes to a special school.', note: 'statutory and service names' },
    { text: 'Amir (16) is an unaccompanied asylum-seeking child.', note: 'legal status' },
    { text: 'Dylan (8) has a diagnosis of ADHD.', note: 'a diagnosis' },
    { text: 'Ms Baker is disabled and wants a direct payment.', note: 'UK social-model wording' },
    { text: 'She told me her husband helps her with the shopping.', note: 'gendered words about real people (default)' },
    { text: 'Mrs Cole said: "I felt like a cripple after the fall."', note: 'verbatim speech' },
    { text: 'The form still lists "non-white" as a category; it will be changed.', note: 'covered by ethnic-minority (and a mention)' },
    { text: 'The oriental rug was damaged in the flood.', note: "covered by outdated-term, not this rule" },
    { text: 'The plan is simple and we explained it clearly.', note: 'plain English' },
    { text: 'The midwife visited on Tuesday.', note: 'a profession' },
    { text: 'She was assessed under the Mental Health Act and has a mental health nurse.', note: 'law and services' },
    { text: 'Master Kofi Mensah (6) was seen at the clinic with his aunt.', note: "'Master' as a boy's title" },
    { text: 'Zak is allergic to nuts, so the school keeps tree nuts out of his lunch.', note: 'food' },
    { text: 'Mr Price had a manic episode in March and takes lithium.', note: 'clinical term' },
    { text: 'Ms Lowe was treated for psychotic depression in 2021.', note: 'clinical term' },
    { text: 'Dan has a diagnosis of OCD and attends the OCD clinic.', note: 'a diagnosis' },
    { text: 'The family sleep in the master bedroom; Mum has a master’s degree in nursing.', note: 'housing and education senses' },
  ],
  invalid: [
    { text: 'Mr Khan is ⟦wheelchair bound⟧ and needs a ground-floor flat.', errors: [{ messageId: 'inconsiderate', severity: 'info', suggestions: ['uses a wheelchair'] }] },
    { text: 'Neighbours call him a ⟦junkie⟧.', errors: [{ suggestions: ['person with a drug addiction', 'person recovering from a drug addiction'] }] },
    { text: 'Ms Ford ⟦suffers from schizophrenia⟧ and lives alone.', errors: [{ suggestions: ['person with schizophrenia'] }] },
    { text: 'The ⟦chairman⟧ opened the meeting.', options: { gendered: true }, errors: [{ suggestions: 7 }], note: 'gendered words when asked for' },
    { text: 'Kai (10) is in a class for children with ⟦special needs⟧.', errors: [{ suggestions: 3 }], note: 'the longer phrase only' },
    { text: 'His brother was described as ⟦retarded⟧ in a 1980s letter.', errors: [{ suggestions: 6 }] },
    { text: 'The support worker called her ⟦crazy⟧ in front of her son.', errors: [{ suggestions: 10 }] },
    { text: 'Mr Reid was ⟦handicapped⟧ by a stroke in 2019.', errors: [{ suggestions: 2 }] },
    { text: 'Ms Lane is ⟦epileptic⟧ and has had two seizures this month.', errors: [{ suggestions: 1 }] },
    { text: 'The school says Noah is ⟦psycho⟧ when he loses at football.', errors: [{ suggestions: 10 }] },
    { text: 'The man was described as a ⟦spastic⟧ by other residents.', errors: [{ suggestions: 3 }] },
    { text: 'Other pupils called him ⟦mental⟧ in the changing rooms.', errors: [{ suggestions: 10 }], note: "'mental' not followed by health" },
    { text: 'He was going ⟦nuts⟧ in the waiting room.', errors: [{ suggestions: 10 }], note: "'nuts' not as food" },
    { text: 'Staff say Ms Bell was ⟦manic⟧ and shouting on the ward.', errors: [{ suggestions: 1 }], note: 'a label, not a clinical phrase' },
    { text: 'The carer wrote that he is ⟦psychotic⟧, without any assessment.', errors: [{ suggestions: 2 }] },
    { text: 'Staff say he is very ⟦OCD⟧ about his room.', errors: [{ suggestions: 5 }], note: 'casual use, not a diagnosis' },
  ],
});

describe('general-inclusive: retext-equality data', () => {
  const retextIds = new Set(retextPatterns().map((p) => p.id));

  it('skips only patterns that exist in the installed retext-equality', () => {
    expect([...SKIP.keys()].filter((id) => !retextIds.has(id))).toEqual([]);
  });

  it('names an existing rule for every pattern it leaves to another rule', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    const covered = [...SKIP.values()].filter((e) => e.skip === 'covered');
    expect(covered.filter((e) => !e.by || !ids.has(e.by)).map((e) => e.id)).toEqual([]);
  });

  it('leaves to other rules every retext phrase their term lists already match', () => {
    const others = rules.filter((r) => r.meta.id !== rule.meta.id && r.terms);
    const missing: string[] = [];
    for (const pattern of retextPatterns()) {
      if (pattern.type === 'or' || SKIP.get(pattern.id)?.skip === 'covered') continue;
      for (const phrase of Object.keys(pattern.inconsiderate)) {
        const doc = parseDocument(`${phrase}.`);
        const owner = others.find((r) => (r.terms?.match(doc.sentences, doc.text) ?? []).some((h) => h.text.toLowerCase() === phrase.toLowerCase()));
        if (owner) missing.push(`${pattern.id} ("${phrase}") is covered by ${owner.meta.id}`);
      }
    }
    expect(missing, 'add these to rules/general-inclusive/skip.yml as covered').toEqual([]);
  });
});
