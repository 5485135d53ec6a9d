import { describe, expect, it } from 'vitest';
import rule from '../../rules/generic-ethnicity/rule.js';
import { runRules } from '../../src/engine/lint.js';
import type { Rule } from '../../src/engine/rule.js';
import { parseDocument } from '../../src/parse/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'Mr Owusu is Black British; his parents came to Leeds from Kumasi in 1985.', note: 'origin phrase with a place the lexicon does not hold' },
    { text: 'Ms Farah is Black African (Somali) and speaks Somali at home.', note: 'a people named beside the category' },
    { text: 'The grandfather, a white man in his 70s, was born in Cork.', note: 'born in + proper noun' },
    { text: 'Ethnicity: White Other – Romanian', note: 'a field with the nationality written in' },
    { text: 'Mrs Brown and Mr White attended the review with their advocate.', note: 'surnames after titles' },
    { text: 'Chair: Ms Lucy Black, independent reviewing officer.', note: 'a surname after a first name' },
    { text: 'The flat in the Black Country has black mould and a broken white goods cupboard.', note: 'a place and objects' },
    { text: 'She wore a black coat and her brother had a black eye from football.', note: 'objects' },
    { text: 'Black boys are over-represented in the exclusions data.', note: 'people in general, not a specific person' },
    { text: 'The Black Staff Network will run a session during Black History Month.', note: 'names of a network and an event' },
    { text: 'An Asian hornet nest was found in the garden shed.', note: 'a thing' },
    { text: 'She describes herself as Black and says that is what matters to her.', note: 'her own description (001 §2.2)' },
    { text: 'Their son says he is "just Black, that\'s it".', note: 'quoted self-description' },
    { text: 'Other agencies were invited to the strategy meeting.', note: '"Other" outside an ethnicity field' },
    { text: 'He has mixed feelings about moving to the new flat.', note: '"mixed" outside an ethnicity field' },
    { text: 'The Irish Travellers on the council site asked for a water supply.', note: 'a specific group containing "Traveller"' },
    { text: 'Mrs Mokoena is a South African nurse who moved here in 2004.', note: '"South African" is a nationality, not the regional "African"' },
    { text: 'Bruising can be harder to see on brown and black skin.', note: 'skin tone in a health context' },
    { text: 'Ethnicity: Black African. Country of birth: Eritrea.', note: 'a form line is one record of the person' },
    { text: 'Ethnicity: Mixed race', note: "left to the mixed-race rule" },
    { text: 'He said he was stopped by police because he is Black.', note: 'his own words, reported' },
    { text: 'He was black and blue after the fall down the stairs.', note: 'an idiom' },
    { text: 'Kwame is Black and his dad is from Accra.', note: "his father's origin is his heritage" },
    { text: 'She feels the school treats Black pupils differently from their classmates.', note: 'pupils in general, after "the school"' },
    { text: "Staff can contact the Black Workers' Network for peer support.", note: 'an organisation name with a possessive' },
    { text: 'The Black and Asian Police Association ran the training day.', note: 'a name joined by "and"' },
    { text: 'Ask her whether she would like to join the Asian Women’s Resource Centre group.', note: 'a name with a curly possessive' },
    { text: 'Most referrals came from Black, Asian and minority ethnic families in the north of the borough.', note: 'the BAME list spelt out belongs to ethnic-minority' },
    { text: 'Staff from Black and Minority Ethnic backgrounds were asked about supervision.', note: 'the shorter spelt-out list' },
    { text: 'Our Black staff told the review that they did not feel heard.', note: 'the organisation\'s staff as a group' },
    { text: 'The family identify as Black and asked us to record it that way.', note: 'self-identification with a noun subject' },
    { text: 'Kofi is Black and his grandparents came to Leeds from Kumasi.', note: 'grandparents\' origin is his heritage' },
    { text: 'Ama is Black and her brother was born in Takoradi.', note: "a sibling's birthplace is the family's heritage" },
    { text: 'The Gypsy and Traveller community were consulted on the new site.', note: 'a community, not a person' },
    { text: 'Mr Tan, who is Asian, moved here from Singapore in 2010.', note: 'origin phrase after a relative clause' },
    { text: 'Ms Bell is White and was born in Kingston, Jamaica.', note: 'Kingston is not taken for a UK place' },
  ],
  invalid: [
    { text: 'Kwame lives with his mother, who is ⟦Black⟧, and his two sisters.', errors: [{ messageId: 'generic', severity: 'warning' }] },
    { text: 'A ⟦white⟧ woman aged about 30 called the duty line at 2am.' },
    { text: 'Ethnicity: ⟦Mixed⟧. First language: English.', note: 'an ethnicity field of Mixed' },
    { text: 'Race: ⟦Asian⟧', note: 'a race field' },
    { text: 'Father (⟦Black Caribbean⟧, 44) did not attend the meeting.', note: 'apposition in brackets' },
    { text: 'Ms Reyes, 29, ⟦Latin American⟧, was referred by the midwife.', note: 'a regional label in apposition' },
    { text: 'The ⟦Eastern European⟧ lodger was not at home.', note: 'a regional label before a person noun' },
    { text: 'The neighbour described the man as ⟦Middle Eastern⟧.', note: 'described as' },
    { text: 'The two ⟦black⟧ boys were searched by police outside the shop.', note: 'a particular group of boys' },
    { text: 'Mr Aziz is of ⟦South Asian⟧ heritage and lives alone.', note: 'of … heritage with a regional label' },
    { text: 'Ethnic origin: ⟦Any other ethnic group⟧', note: 'the census write-in box with nothing written in' },
    { text: 'A ⟦Gypsy/Traveller⟧ family have pulled onto the verge.', note: 'a slash merges distinct groups' },
    { text: 'Ms Cole, 31, ⟦White British⟧, lives with her partner.', errors: [{ messageId: 'contested', severity: 'info' }], note: 'contested when standing alone' },
    { text: 'Mr Adeyemi is ⟦Black⟧ and British by birth.', errors: [{ messageId: 'contested', severity: 'info' }], note: 'British only: as contested as Black British' },
    { text: 'As a ⟦white⟧ social worker I need to think about how the family see me.', errors: [{ messageId: 'writer', severity: 'info' }] },
    { text: 'Mother is ⟦Black African⟧ and father is ⟦White⟧; both work nights.', note: 'two people, two findings' },
    { text: '## Safeguarding example\nA ⟦black⟧ man in his 40s was seen at the address.', format: 'markdown', note: 'not a policy by its title: warning' },
    { text: '## Personal details\n\n- **Ethnicity:** ⟦Asian⟧\n- Religion: Muslim', format: 'markdown', note: 'a field in bold' },
    { text: 'Name: Ms Okon. Ethnicity: ⟦Black African⟧. First language: Yoruba.', note: 'a language is not an origin' },
    { text: 'Mum is ⟦White⟧ and Dad is from Krakow.', note: "an origin said of somebody else does not count for her" },
    { text: 'Mum (⟦Black Caribbean⟧) and Dad (Polish) both attended.', note: 'brackets attached to different people' },
    { text: '# Visiting policy\nIf a ⟦Black⟧ man answers the door, introduce yourself.', format: 'markdown', errors: [{ messageId: 'aggregate', severity: 'info' }], note: 'policy documents: info at most' },
    { text: 'The foster carers, both ⟦White European⟧, have two birth children.', note: 'a quantifier between the comma and the label' },
    { text: 'The brothers are both ⟦Black⟧ and go to the same school.', note: 'a quantifier between the copula and the label' },
    { text: 'The twins (each ⟦Asian⟧) were seen at the clinic.', note: 'a quantifier inside brackets' },
    { text: 'Her mother is of ⟦South Asian⟧ heritage and her father is from Galway.', note: "another relative's origin" },
    { text: 'Her father, Mr Obi, is ⟦Black African⟧ and her mother, Ms Doyle, is from Cork.', note: 'two named parents' },
    { text: 'Mr Okoro is ⟦Black⟧ and his wife is Nigerian.', note: "a spouse's origin is not his heritage" },
    { text: 'Dad is ⟦white⟧ and was born in Peterborough.', errors: [{ messageId: 'contested', severity: 'info' }], note: 'a UK town of birth is as weak as "born in the UK"' },
    { text: 'Mr Cole is ⟦Black⟧ and a proud Londoner.', errors: [{ messageId: 'contested', severity: 'info' }], note: 'a UK city demonym is weak' },
    { text: 'The applicants, both ⟦White Other⟧, live in Wakefield with their sons.', note: 'where somebody lives is not an origin' },
    { text: 'An ⟦Asian⟧-looking man was seen at the door.', note: 'an appearance compound' },
    { text: 'Maya (9) lives with her mother, who is ⟦Black Caribbean⟧.', note: 'a first name that is also a people is not an origin' },
    { text: 'Ethnicity: ⟦Black or Black British - African⟧', errors: [{ messageId: 'generic', severity: 'warning' }], note: 'the census heading with a box is not "Black British" alone' },
    { text: 'Ethnicity: Any ⟦other White⟧ background', note: 'the census write-in box left empty' },
    { text: 'Jaden, 14, ⟦Black British⟧, lives with his nan.', errors: [{ messageId: 'contested', severity: 'info' }], note: 'a sentence-initial name with an age in apposition' },
    { text: 'Grandmother (maternal): ⟦Black Caribbean⟧, came to the UK in 1962.', note: 'a person field with a bracketed note' },
  ],
});

describe('generic-ethnicity and the tagger', () => {
  /** The sentences for which the rule asked compromise for tags (loading it costs ~250 ms). */
  function taggedSentences(text: string): string[] {
    const doc = parseDocument(text);
    const asked: string[] = [];
    const counting: Rule = {
      ...rule,
      check(d, ctx) {
        rule.check(d, { ...ctx, tags: (s) => (asked.push(text.slice(s.span.start, s.span.end)), ctx.tags(s)) });
      },
    };
    runRules(doc, [counting], { rules: {} });
    return asked;
  }

  it.each([
    'Mr Fofanah is Black and has lived in Croydon for twenty years.',
    'Child: Poppy Brown (3). Mother: Ms Kerry Brown.',
    'There is black mould on the bedroom ceiling.',
    'Kofi had a black eye after football.',
    'A black man was seen leaving the flat.',
    'Ethnicity: Mixed. Religion: none.',
    'Mrs White and Mr Black attended with their advocate.',
    'Mother (Asian, 30s) attended with the baby.',
    'The applicants, both White European, live in Wakefield.',
    'Jaden, 14, Black British, lives with his nan.',
  ])('decides "%s" without the tagger', (text) => {
    expect(taggedSentences(text)).toEqual([]);
  });

  it('asks the tagger when only it can tell: a capitalised word that may be a first name opens the sentence', () => {
    expect(taggedSentences('Lucy Black chaired the meeting.')).toEqual(['Lucy Black chaired the meeting.']);
  });
});
