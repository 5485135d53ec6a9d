import { describe, expect, it } from 'vitest';
import rule from '../../rules/stereotype/rule.js';
import { parseDocument } from '../../src/parse/index.js';
import { ruleTester, unmark, type InvalidCase, type ValidCase } from '../helpers/rule-tester.js';

const cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] } = {
  valid: [
    { text: 'Mrs Adewale explained that in her family the grandmother looks after the baby while she works.', note: 'an attributed account of her own family' },
    { text: 'He told me that in Eritrean culture it is rude to refuse food offered by a host.', note: 'attributed, even with a group' },
    { text: 'We will look for a culturally appropriate foster home where Tigrinya is spoken.', note: 'culturally appropriate is good practice' },
    { text: 'Amira is proud of her cultural heritage and goes to Arabic school on Saturdays.', note: 'cultural heritage' },
    { text: 'She takes pride in her culture and wants her son to learn Twi.', note: 'pride in her culture' },
    { text: 'Bangladeshi women are under-represented among carers who receive a carer\'s assessment.', note: 'a disparity, not a generalisation' },
    { text: 'Pakistani families make up 14% of referrals to the team.', note: 'a statistic' },
    { text: 'Somali families are invited to the drop-in at the library on Fridays.', note: 'a service fact' },
    { text: 'Mr Rahman would prefer a male carer because of his religion.', note: 'his own preference and its reason' },
    { text: 'Jade was bullied because of her religion, and the school has apologised.', note: 'discrimination named' },
    { text: 'It is typical for a toddler to have tantrums at this age.', note: 'typical of an age, not a group' },
    { text: 'The Polish Saturday school offers lessons for children aged 5 to 11.', note: 'a name, not a generalisation' },
    { text: 'Travellers are a recognised ethnic group in UK law.', note: 'a legal fact' },
    { text: 'He asked what support is available for Kurdish families in the borough.', note: 'a group as the object of a service' },
    { text: 'In these communities, we have run three drop-in sessions since May.', note: 'a demonstrative group without a generalisation' },
    { text: 'These people were not known to the family.', note: 'particular people, not a kind of people' },
    { text: 'Debt is common in these families, so check their benefits first.', note: '"these families" with no group named: the families under discussion' },
    { text: 'Three families are in temporary accommodation. These people often wait months for a home.', note: 'a demonstrative group that is not an ethnic group' },
    { text: 'Mrs Khan explained that it is the custom in her village for the bride to live with her in-laws.', note: 'attributed custom' },
    { text: 'As is the practice in this team, the manager reviews every referral.', note: 'a team custom' },
    { text: 'His faith means he fasts during Ramadan, so visits are after sunset.', note: 'his own practice' },
    { text: 'Her culture means a lot to her and she goes to Tamil school on Saturdays.', note: 'what it means to her' },
    { text: 'She feels disadvantaged at work because of her Somali background.', note: 'a disadvantage named' },
    { text: 'Rickets is a common problem among Somali children, so vitamin D was discussed.', note: 'a health fact' },
    { text: 'Culturally, the family are close to their church.', note: 'a description, not a generalisation' },
    { text: 'Somali and Eritrean families attend the group on Tuesdays.', note: 'coordinated groups, a service fact' },
    { text: 'Many Polish families use the Saturday school.', note: 'service use' },
    { text: 'He was excluded in May because of his religion, his mother believes.', note: 'discrimination in the clause the reason explains' },
    { text: 'Their faith does not allow them to accept a blood transfusion, Mr Boateng told me.', note: 'attributed after the account' },
    { text: 'In Eritrean culture it is rude to refuse food, according to Mr Tesfay.', note: '"according to" at the end' },
  ],
  invalid: [
    { text: 'The lack of boundaries is ⟦typical of Ghanaian families⟧.', errors: [{ messageId: 'generalisation', severity: 'warning' }] },
    { text: '⟦As is common in Pakistani households⟧, the eldest son makes the decisions.' },
    { text: '⟦Nigerian parents tend to⟧ use physical discipline.' },
    { text: 'Mr Kowalski will not accept help; ⟦Polish men rarely ask⟧ for support with their health.' },
    { text: 'The children are kept home from school trips ⟦due to their culture⟧.', errors: [{ messageId: 'culture' }] },
    { text: 'I think ⟦it\'s a cultural thing⟧ and the family do not see a problem.', note: 'the writer\'s own view, even with "I think"' },
    { text: '⟦Culturally⟧, it is normal for them to share a bed with the children.' },
    { text: 'Arranged marriages are ⟦normal in their culture⟧, so the plans were not questioned.', note: 'in their culture, in the writer\'s voice' },
    { text: '⟦Like most Eritrean mothers⟧, she is very protective of her son.' },
    { text: '⟦The Somali community is very closed⟧ and does not trust outside agencies.' },
    { text: 'Ms Okafor was described as an ⟦angry Black woman⟧ by the ward staff.', errors: [{ messageId: 'trope' }] },
    { text: 'Mrs Shah said she wants a female carer, which is ⟦typical of Muslim women⟧.', note: 'the writer\'s comment after an account is not attributed' },
    { text: '⟦In Jamaican culture⟧, children are expected not to answer back.', note: 'a fronted generalisation' },
    { text: 'The mother\'s reluctance to accept help ⟦is probably cultural⟧.' },
    { text: 'The grandmother is very strict, ⟦as Kurdish women often are⟧.', note: 'a comparison that asserts the generalisation' },
    { text: '⟦Being from a Bangladeshi background⟧, she will not want a male worker.', errors: [{ messageId: 'culture' }] },
    { text: '⟦White working-class families often distrust⟧ social workers.', note: 'a colour group with a class modifier' },
    { text: '## Outreach plan\n- ⟦Roma families often move⟧ between the UK and Romania, so plans should be short.', format: 'markdown', note: 'policy text is still a generalisation' },
    { text: 'The family are Eritrean. Staff are unsure, but ⟦in these communities⟧ babies are often carried.', note: 'a group by demonstrative, named in the sentence before, with a generalisation after it' },
    { text: 'The family are Albanian and the eldest son decides, ⟦as is the custom with these people⟧.', note: 'custom + demonstrative' },
    { text: '⟦As is tradition in Sikh families⟧, the son lives with his parents.', note: 'tradition' },
    { text: 'It is common ⟦practice among Roma families⟧ to marry young.', note: 'common practice' },
    { text: 'This is a common ⟦trait among Albanian men⟧.', note: 'common trait' },
    { text: 'He was excluded in May; his mother refused the referral ⟦due to her culture⟧.', errors: [{ messageId: 'culture' }], note: 'an exclusion in another clause does not make it discrimination' },
    { text: '⟦Ms Ali\'s culture means⟧ she keeps the girls close.', errors: [{ messageId: 'culture' }], note: "a named person's culture as the explanation" },
    { text: '⟦The family\'s religion means⟧ the girls cannot go swimming.', note: "the family's religion" },
    { text: '⟦Their culture is very patriarchal⟧.', note: 'a culture described as one thing' },
    { text: 'The Roma families on the site keep to themselves. ⟦These people do not value⟧ education.', errors: [{ messageId: 'generalisation' }], note: '"these people" as the group just named' },
    { text: '⟦Due to her Nigerian background⟧, she uses physical discipline.', note: 'a group background as the reason' },
    { text: '⟦African parents often use⟧ physical chastisement.', note: 'a parenting practice after "use"' },
    { text: '⟦Culturally⟧, the family do not talk about mental health.', note: 'fronted "culturally" with a negation' },
    { text: '⟦Within Gypsy and Traveller communities⟧, girls often leave school early.', note: 'coordinated groups' },
    { text: 'That is ⟦typical for an Asian family⟧.', note: '"an" before the group' },
    { text: '⟦Somali parents tend to⟧ be strict, and the school said the same.', note: 'support after the claim is not its source' },
    { text: '⟦Somali parents tend to⟧ be strict, I feel.', note: 'the writer\'s own view after a comma' },
  ],
};

ruleTester(rule, cases);

describe('stereotype trigger words', () => {
  const triggers = rule.meta.triggers;
  const words = new Set(triggers && triggers !== 'always' ? triggers.words : []);
  it('every flagged case contains a declared trigger word, so the batch pre-scan never skips it', () => {
    for (const c of [...cases.invalid.map((x) => unmark(x.text).text), ...rule.meta.docs.examples.bad]) {
      const tokens = parseDocument(c).sentences.flatMap((s) => s.tokens.flatMap((t) => [t.normal, ...t.parts.map((p) => p.normal)]));
      expect(tokens.some((t) => words.has(t)), c).toBe(true);
    }
  });
});
