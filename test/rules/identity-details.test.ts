import { describe, expect, it } from 'vitest';
import rule from '../../rules/identity-details/rule.js';
import { runRules } from '../../src/engine/lint.js';
import { parseDocument } from '../../src/parse/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** An invented referral body; each part can be left out to test one missing item. */
const parts = {
  ethnicity: 'Mr Hussein describes himself as "Somali, from Hargeisa, and a Londoner".',
  religion: 'He is a practising Muslim and attends the mosque on Fridays.',
  culture: 'Somali food and family gatherings are an important part of his culture.',
  language: 'His first language is Somali; he also speaks some English.',
  interpreter: 'A Somali interpreter was offered and he accepted.',
};
type Part = keyof typeof parts;

function referral(without: Part[] = [], title = '# ⟦Referral for Mr Hussein⟧'): string {
  const body = (Object.keys(parts) as Part[]).filter((p) => !without.includes(p)).map((p) => parts[p]);
  return `---\ntype: referral\n---\n${title}\n\n${body.join(' ')}\n`;
}
const unmarked = (text: string) => text.replace(/[⟦⟧]/g, '');
const md = (text: string, extra: object = {}) => ({ text, format: 'markdown' as const, ...extra });

ruleTester(rule, {
  valid: [
    md(unmarked(referral()), { note: 'every item recorded' }),
    md('---\ntype: case-note\n---\n# Home visit\n\nAmina (6) showed me her drawings.\n', { note: 'not a referral or assessment' }),
    md('# Equality and diversity policy\n\nWe will record ethnicity in people’s own words.\n', { note: 'a policy' }),
    md(
      '---\ntype: assessment\n---\n# Assessment of Ms Grant\n\nMs Grant preferred not to say how she describes her ethnicity. She has no religion. Jamaican heritage and cooking matter to her. First language: English.\n',
      { note: 'a recorded refusal counts; English first language needs no interpreter' },
    ),
    md(
      '---\ntype: referral\n---\n# Referral: the Ionescu family\n\nMrs Ionescu identifies as Romanian Roma. The family are Orthodox Christians and keep Romani traditions. Mrs Ionescu speaks Romanian; we used a telephone interpreter.\n',
      { note: 'interpreter recorded' },
    ),
    md(
      '---\ntype: assessment\n---\n# Carer’s assessment\n\nMr Tran calls himself "British Vietnamese". He is Buddhist. Vietnamese New Year is a big family festival. Language: Vietnamese; an interpreter was offered and declined.\n',
    ),
    { text: 'Home visit – Sami (4)\nSami was playing with his trains when I arrived.', note: 'plain text, not a referral' },
    md('---\ntype: assessment\n---\n# Assessment\n\nMr Lowe, 80, wants help with shopping.\n', { options: { kinds: ['referral'] }, note: 'assessments not selected' }),
    md('---\ntype: referral\n---\n# Referral\n\nThe family attend the gurdwara every week.\n', { options: { require: ['religion'] }, note: 'only religion required' }),
    md(unmarked(referral(['interpreter'])).replace(parts.language, 'His first language is English.'), { note: 'English first language: no interpreter needed' }),
    md(
      '---\ntype: referral\n---\n# Referral: Ms Osei\n\nMs Osei told me she is Black British of Ghanaian heritage. She is a Pentecostal Christian. Ghanaian food and music matter to her. First language: English.\n',
      { note: "a reported self-description ('told me she is …') is her own account" },
    ),
    md(
      '---\ntype: assessment\n---\n# Assessment: Mr Gill\n\nIn his words, Mr Gill is "a Brummie Sikh". Sikhism and the langar at the gurdwara are central to his family tradition. He communicates in Punjabi and English; a Punjabi interpreter was offered and declined.\n',
      { note: "'in his words', a singular 'tradition', 'communicates in'" },
    ),
    md(
      '---\ntype: referral\n---\n# Referral: Leon Price\n\nLeon refers to himself as mixed heritage, Irish and Jamaican. He prays daily and follows Christianity. His Jamaican roots matter to him. He is Deaf and signs BSL; a BSL interpreter is booked for every visit.\n',
      { note: "'refers to himself as', 'prays', 'roots', 'signs BSL'" },
    ),
    md(
      '---\ntype: assessment\n---\n# Assessment: Mrs Nowicka\n\nMrs Nowicka identifies herself as Polish and Silesian. She is Catholic and Silesian customs matter to her. Her first language is Polish; a Polish-speaking social worker carried out the visit.\n',
      { note: "'identifies herself as'; a worker who speaks her language" },
    ),
  ],
  invalid: [
    md(referral(['religion']), { errors: [{ messageId: 'religion' }] }),
    md(referral(['culture']), { errors: [{ messageId: 'culture' }] }),
    md(referral(['ethnicity']).replace('# ⟦', '# ⟦').replace('\n\n', '\n\nEthnicity: Black African. '), { errors: [{ messageId: 'ethnicity' }], note: 'a census category is not own words' }),
    md(referral(['language', 'interpreter']), { errors: [{ messageId: 'language' }] }),
    md(referral(['interpreter']), { errors: [{ messageId: 'interpreter' }], note: 'Somali first language, no interpreter' }),
    md(referral(['interpreter']).replace(parts.language, 'First language: Tigrinya.'), { errors: [{ messageId: 'interpreter' }], note: 'a labelled field' }),
    md(referral(['interpreter']).replace(parts.language, 'He speaks Arabic at home.'), { errors: [{ messageId: 'interpreter' }] }),
    md(referral(['religion'], '# ⟦Assessment of Mr Hussein⟧').replace('type: referral', 'type: assessment'), { errors: [{ messageId: 'religion' }], note: 'assessment' }),
    {
      text: '⟦Referral from Castle Hill School - 05/10/2023⟧\nMalik (13) describes himself as "Black British, Ghanaian". He speaks English and Twi; English is his first language. His family’s Ghanaian culture matters to him.',
      errors: [{ messageId: 'religion' }],
      note: 'plain text: the title says it is a referral',
    },
    md('---\ntype: referral\n---\n# ⟦Referral⟧\n\nJoel (8) has been coming to school hungry.\n', { options: { require: ['religion'] }, errors: [{ messageId: 'religion' }], note: 'require option' }),
    md(
      '---\ntype: referral\n---\n# ⟦Referral: Ms Rossi⟧\n\nMs Rossi says she is tired and wants help. She describes herself as "Italian, from Naples". She is Catholic and keeps Neapolitan traditions. She asked for a leaflet in Italian for her sister.\n',
      { errors: [{ messageId: 'language' }], note: "a leaflet in a language for somebody else is not the person's language" },
    ),
    md(
      '---\ntype: referral\n---\n# ⟦Referral: Mr Jain⟧\n\nMr Jain says he is exhausted. He has no religion. Indian food and family festivals matter to him. His first language is English.\n',
      { errors: [{ messageId: 'ethnicity' }], note: "'says he is exhausted' is no account of origin" },
    ),
    md(
      '---\ntype: referral\n---\n# ⟦Referral: Mr Jain⟧\n\nMr Jain told me he is British Indian. Indian food and family festivals matter to him. His first language is English.\n',
      { errors: [{ messageId: 'religion' }], note: 'a surname is no religion' },
    ),
  ],
});

describe('identity-details: several items', () => {
  it('reports each missing item once, all at the top of the document', () => {
    const doc = parseDocument('---\ntype: referral\n---\n# Referral from Oakfield Primary\n\nJoel (8) has been coming to school hungry.\n', { format: 'markdown' });
    const { findings } = runRules(doc, [rule], { rules: { 'identity-details': { severity: 'warning', options: {} } } });
    expect(findings.map((f) => f.messageId)).toEqual(['ethnicity', 'religion', 'culture', 'language']);
    expect(new Set(findings.map((f) => doc.lines.toPoint(f.span.start).line))).toEqual(new Set([4]));
  });

  it('uses a kind given by the caller (configuration overrides) when there is no front matter', () => {
    const doc = parseDocument('Notes from the Ahmed family\n\nMrs Ahmed is Muslim.', { format: 'text', kind: 'referral' });
    const { findings } = runRules(doc, [rule], { rules: { 'identity-details': { severity: 'warning', options: {} } } });
    expect(findings.map((f) => f.messageId)).toEqual(['ethnicity', 'culture', 'language']);
    expect(doc.lines.toPoint(findings[0].span.start).line).toBe(1);
  });
});
