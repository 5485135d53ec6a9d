import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/stereotype/rule.js';
import { PrescanLinter } from '../../src/audit/lint-record.js';
import { TriggerScanner } from '../../src/audit/prescan.js';
import { configForFile } from '../../src/config/config.js';
import type { DocumentFormat } from '../../src/document/types.js';
import type { Finding } from '../../src/engine/lint.js';
import { lintDocumentText } from '../../src/linter.js';
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

/**
 * Texts invented to exercise each frame through the pre-scan declaration, and near misses that share its words:
 * possessives, plural and hyphenated group words, countries, accented names before 's, curly apostrophes,
 * attributed (exempted) accounts, and the demonstrative group named only in the sentence before.
 */
const PRESCAN_TEXTS = [
  'Coming from a Polish family, Marek will not want to talk about money.',
  'Being someone from a Tamil background, she is private about her health.',
  'As a person from a Kurdish home, he is expected to obey his uncle.',
  'Being from Leeds, she knows the area well.',
  'Shouting at children is stereotypically Caribbean.',
  'Her reluctance is typical of these people. The family are Albanian.',
  'The family are Albanian. Her reluctance is typical of these people.',
  'As is normal in Nigeria, the children call adults auntie and uncle.',
  'It is usual among Black-British boys to wear hoods.',
  'Early marriage is the custom amongst these families, and the family are Roma.',
  'Somalis don\'t trust the police.',
  'Travellers never stay long in one place, the warden told me.',
  'The Gypsy and Traveller communities are very close-knit.',
  'Muslim men rarely ask for help with their mental health.',
  'Jehovah\'s Witnesses refuse blood transfusions.',
  'Eastern Europeans drink a lot, as Mr Novak said himself.',
  'Chinese parents like to push their children hard at school.',
  'As Nigerian mothers often do.',
  'The school said Sikh families are welcome at the open day.',
  'They refused the hospital appointment because of cultural reasons.',
  'The delay was down to her Ghanaian upbringing.',
  'His behaviour is rooted in his religious beliefs.',
  'It\u2019s cultural.',
  'The father\u2019s anger was probably just cultural and that is worrying.',
  'Zo\u00eb\'s culture means she cannot go on the residential trip.',
  'Andr\u00e9\u2019s faith doesn\'t allow him to eat before sunset.',
  'Their religion is very strict, said the aunt.',
  'Their heritage is important to them and they visit Lagos every summer.',
  'English is the family\'s first language and an interpreter in Somali was not needed.',
  'In their culture, girls do not go out alone.',
  'She was interested in their culture and asked about Eid.',
  'The family moved from Kabul last year. In these communities girls usually marry young.',
  'The family moved last year. In these communities girls usually marry young.',
  'Three families came from Eritrea. These people tend to keep to themselves.',
  'In Yoruba households, the youngest child serves the food.',
  'In Polish, the word for grandmother is babcia.',
  'Hitting children is an Asian thing, the teacher said.',
  'It is a Jamaican way of speaking that the school misread.',
  'Similar to most Ghanaian fathers, he is strict.',
  'Like every Pakistani mum, she cooks for the whole street.',
  'Unlike other Romanians, they stayed in the area.',
  'The staff described her as a loud Black woman.',
  'He is an absent Black father according to the file.',
  'A strong black coffee was offered and declined.',
  'Culturally, smacking is fine for them.',
  'She uses culturally specific services.',
  'The Irish Traveller community has been on the site for years.',
  '### Notes\n\nSomali families often keep problems within the family.',
];

interface EvalCase {
  text: string;
  kind: string;
}
const evalTexts = (path: string): EvalCase[] =>
  readFileSync(join(import.meta.dirname, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);

describe('stereotype pre-scan declaration', () => {
  const texts: { text: string; format: DocumentFormat }[] = [
    ...cases.valid.map((c) => (typeof c === 'string' ? { text: c, format: 'text' as const } : { text: c.text, format: c.format ?? 'text' })),
    ...cases.invalid.map((c) => ({ text: unmark(c.text).text, format: c.format ?? 'text' })),
    ...[...rule.meta.docs.examples.bad, ...rule.meta.docs.examples.good].map((text) => ({ text, format: 'text' as const })),
    ...['../../fixtures/eval/extra.jsonl', '../../fixtures/eval/redteam.jsonl', '../../../shared/eval/dev.jsonl']
      .flatMap(evalTexts)
      .map((c) => ({ text: c.text, format: c.kind === 'policy' ? ('markdown' as const) : ('text' as const) })),
    ...PRESCAN_TEXTS.map((text) => ({ text, format: (text.startsWith('#') ? 'markdown' : 'text') as DocumentFormat })),
  ];

  it('gives exactly the findings and exemptions of a full parse, on every case, corpus text and tricky sentence', () => {
    const prescan = new PrescanLinter([rule], configForFile({}, [rule], undefined));
    const comparable = (findings: Finding[]) => findings.map((f) => ({ messageId: f.messageId, span: f.span, message: f.message, suppressions: 'suppressions' in f ? f.suppressions : undefined }));
    let reported = 0;
    let exempted = 0;
    let skipped = 0;
    for (const { text, format } of texts) {
      const full = lintDocumentText(text, { format, rules: [rule] });
      const fast = prescan.lint(text, { format });
      expect(comparable(fast.findings), text).toEqual(comparable(full.findings));
      expect(comparable(fast.suppressed), text).toEqual(comparable(full.suppressed));
      reported += full.findings.length;
      exempted += full.suppressed.length;
      if (!fast.doc) skipped++;
    }
    // Not vacuous: findings and exemptions were compared, and the declaration let many texts go unparsed.
    expect(texts.length).toBeGreaterThan(350);
    expect(reported).toBeGreaterThan(50);
    expect(exempted).toBeGreaterThan(4);
    expect(skipped).toBeGreaterThan(texts.length / 3);
  });

  it('leaves ordinary mentions of a group, a language or a heritage alone', () => {
    const scanner = new TriggerScanner([rule]);
    for (const text of [
      'I asked whether English is the family\'s first language and offered an interpreter in Somali.',
      'The mother described their heritage: their parents were born in Ghana.',
      'Sunday is a Muslim holiday for nobody, but Friday prayers are at the mosque.',
      'She is proud of her Jamaican heritage.',
      'The Polish Saturday school is on Holloway Road.',
    ]) {
      expect(scanner.scan(text).rules, text).toEqual([]);
    }
  });
});
