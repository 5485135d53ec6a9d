import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { countryData } from '../../src/lexicon/countries.js';
import { buildLexiconEntries, compiledLexiconText } from '../../src/lexicon/sources.js';
import { groupWordAt, isSpecificOrigin, lexiconEntries, lookup, originMentions, PersonDescription } from '../../src/lexicon/index.js';
import { tagSentence } from '../../src/nlp/tagger.js';

const root = join(import.meta.dirname, '..', '..');

/** The origins found in a one-sentence text, as "text:strength". */
function origins(text: string): string[] {
  const doc = parseDocument(text);
  return doc.sentences.flatMap((s) => originMentions(doc, s).map((o) => `${o.text}:${o.strength}`));
}

function groups(text: string): string[] {
  const doc = parseDocument(text);
  return doc.sentences.flatMap((s) => s.tokens.map((_, i) => groupWordAt(doc, s, i)).flatMap((g) => (g ? [`${g.text}:${g.kind}${g.plural ? ':plural' : ''}`] : [])));
}

describe('country data from the npm packages', () => {
  const data = countryData();

  it('repairs the odd forms of i18n-nationality', () => {
    for (const odd of ['Antiguans', 'Kittian and Nevisian', 'Argentinean (', 'Bermuda', 'Cayman Islands', 'Emirian', 'Bosnian - Herzegovinian']) {
      expect(data.demonyms.some((d) => d.startsWith(odd))).toBe(false);
    }
    for (const good of ['Antiguan', 'Kittitian', 'Nevisian', 'Argentinian', 'Emirati', 'Bosnian', 'Trinidadian', 'Filipino', 'Somali', 'Eritrean']) {
      expect(data.demonyms).toContain(good);
    }
  });

  it('keeps only names a record would write', () => {
    expect(data.names).toContain('Trinidad and Tobago');
    expect(data.names).toContain('Ivory Coast');
    expect(data.names.filter((n) => /[(),.]/.test(n))).toEqual([]);
  });

  it('never counts the UK as a whole as a specific origin', () => {
    expect(data.demonyms).not.toContain('British');
    expect(data.weak).toEqual(expect.arrayContaining(['British', 'UK']));
  });
});

describe('isSpecificOrigin', () => {
  it.each(['Nigerian', 'Jamaican', 'Bajan', 'Kittitian', 'Sylheti', 'Mirpuri', 'Yoruba', 'Igbo', 'Kurdish', 'Tamil', 'Romanichal', 'Roma', 'Irish Traveller', 'Welsh', 'Cornish', 'Hong Konger', 'Turkish Cypriot', 'Kosovar', 'Amazigh', 'Sikh', 'Jewish', 'Ghana', 'Trini'])(
    '%s is specific',
    (word) => expect(isSpecificOrigin(word)).toBe(true),
  );
  it.each(['African', 'Asian', 'European', 'Caribbean', 'Latin American', 'Middle Eastern', 'Scandinavian', 'Balkan', 'South Asian', 'East Asian', 'West African', 'British', 'Muslim', 'Christian', 'Africa', 'the Caribbean'])(
    '%s is not specific',
    (word) => expect(isSpecificOrigin(word)).toBe(false),
  );

  it('does not let a list hold a phrase twice with different kinds (regional wins)', () => {
    expect(lookup('Central African')?.kind).toBe('regional');
    expect(lookup('Arab')?.kind).toBe('regional');
    const keys = lexiconEntries().map((e) => e.name.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('originMentions', () => {
  it('finds countries, demonyms and peoples', () => {
    expect(origins('Her parents are Igbo and came to London from Nigeria.')).toEqual(['Igbo:specific', 'Nigeria:specific']);
  });

  it('finds a place after an origin phrase even when the lexicon does not know it', () => {
    expect(origins('He was born in Kumasi.')).toEqual(['Kumasi:specific']);
    expect(origins('Her grandparents moved to Bradford from Mirpur in 1962.')).toEqual(['Mirpur:specific']);
    expect(origins('She is Kumasi-born.')).toEqual(['Kumasi:specific']);
    expect(origins('They are of Pahari heritage.')).toEqual(['Pahari:specific']);
  });

  it('counts a UK town or city only weakly, and only where somebody was born or comes from', () => {
    expect(origins('She is Leeds-born.')).toEqual(['Leeds:weak']);
    expect(origins('He was born in Croydon and grew up in Tower Hamlets.')).toEqual(['Croydon:weak', 'Tower Hamlets:weak']);
    expect(origins('Her dad is a Londoner.')).toEqual(['Londoner:weak']);
    expect(origins('They live in Peterborough with their sons.')).toEqual([]);
    expect(origins('She was born in Kingston, Jamaica.')).toEqual(['Kingston:specific', 'Jamaica:specific']);
  });

  it('does not take a first name for a people', () => {
    expect(origins('Maya (9) lives with her aunt.')).toEqual([]);
    expect(origins('Sami is at nursery.')).toEqual([]);
    expect(origins('They are of Maya heritage.')).toEqual(['Maya:specific']);
    expect(origins('Roma (4) and her mother are Roma.')).toEqual(['Roma:specific']);
  });

  it('does not count regions, the UK as a whole only weakly', () => {
    expect(origins('They came from the Caribbean in the 1960s.')).toEqual([]);
    expect(origins('He came from West Africa.')).toEqual([]);
    expect(origins('She is British and was born in the UK.')).toEqual(['British:weak', 'UK:weak']);
  });

  it('does not take organisations, days or people for places', () => {
    expect(origins('The referral came from Oak Lane Primary on Monday.')).toEqual([]);
    expect(origins('A letter came from Mrs Patel.')).toEqual([]);
  });

  it('reads languages as languages, not origins', () => {
    expect(origins('He speaks Punjabi and needs a Bengali interpreter.')).toEqual([]);
    expect(origins('Letters will be sent in Polish.')).toEqual([]);
    expect(origins('First language: Somali.')).toEqual([]);
  });

  it('needs capitals for everyday words and a preposition for names that are also first names', () => {
    expect(origins('Please polish the table and carve the turkey.')).toEqual([]);
    expect(origins('Jordan is at school today.')).toEqual([]);
    expect(origins('The family came from Jordan.')).toEqual(['Jordan:specific']);
    expect(origins('Mr English and Mrs French attended.')).toEqual([]);
  });
});

describe('groupWordAt', () => {
  it('finds nationality, religion, regional, colour and Traveller group words', () => {
    expect(groups('Somali parents, Muslims, Eastern European men, Black Caribbean families and Travellers')).toEqual([
      'Somali:origin',
      'Muslims:religion:plural',
      'Eastern European:regional',
      'Black Caribbean:colour',
      'Caribbean:regional',
      'Travellers:traveller:plural',
    ]);
  });

  it('ignores countries, names after titles and words inside hyphenated compounds', () => {
    expect(groups('Mr English went to Nigeria with his Polish-speaking colleague.')).toEqual([]);
  });
});

describe('PersonDescription', () => {
  const usage = (marked: string) => {
    const text = marked.replace(/[⟦⟧]/g, '');
    const doc = parseDocument(text);
    const start = marked.indexOf('⟦');
    const end = marked.indexOf('⟧') - 1;
    const sentence = doc.sentences.find((s) => s.span.start <= start && start < s.span.end)!;
    const first = sentence.tokens.findIndex((t) => t.span.start === start);
    const last = sentence.tokens.findIndex((t) => t.span.end === end);
    return new PersonDescription(doc, { sentence, first, last, span: { start, end } }, (s) => tagSentence(doc, s)).usage();
  };

  it('tells a person from an object, a name and people in general', () => {
    expect(usage('A ⟦black⟧ man was seen.')).toBe('attributive');
    expect(usage('His partner is ⟦Black⟧.')).toBe('predicate');
    expect(usage('Mother (⟦Asian⟧, 30s) attended.')).toBe('apposition');
    expect(usage('Ethnicity: ⟦Mixed⟧')).toBe('field');
    expect(usage('He is of ⟦Asian⟧ heritage.')).toBe('heritage');
    expect(usage('A ⟦black⟧ coat was found.')).toBeUndefined();
    expect(usage('The ⟦Black⟧ Country is a region.')).toBeUndefined();
    expect(usage('⟦Black⟧ children are over-represented.')).toBeUndefined();
  });
});

describe('lexicon data ships with the package', () => {
  it('reads only files under data/lexicon, which package.json "files" includes', () => {
    const files = readdirSync(join(root, 'data', 'lexicon')).sort();
    expect(files).toEqual(['ambiguous.yml', 'compiled.json', 'countries.yml', 'peoples.yml', 'regional.yml', 'religions.yml', 'uk-places.yml']);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[]; dependencies: Record<string, string> };
    expect(manifest.files).toContain('data');
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['i18n-iso-countries', 'i18n-nationality']));
  });
});

describe('the precomputed lexicon', () => {
  it('data/lexicon/compiled.json is what the YAML lists and the country packages give (run `npm run lexicon` after editing them)', () => {
    expect(readFileSync(join(root, 'data', 'lexicon', 'compiled.json'), 'utf8')).toBe(compiledLexiconText());
  });

  it('reads back exactly the entries built from the sources', () => {
    expect(lexiconEntries()).toEqual(buildLexiconEntries());
  });

  it('matches phrases across hyphens and spaces but not across punctuation', () => {
    expect(origins('She is from Guinea-Bissau.')).toEqual(['Guinea-Bissau:specific']);
    expect(origins('They came from Trinidad and  Tobago.')).toEqual(['Trinidad and  Tobago:specific']);
    expect(origins('They came from Trinidad, and Tobago is next.')).toEqual(['Trinidad:specific', 'Tobago:specific']);
  });

  it('prefers the longest phrase at a position', () => {
    expect(origins('Mrs Ojo is South African.')).toEqual(['South African:specific']);
    expect(origins('He is a Turkish Cypriot.')).toEqual(['Turkish Cypriot:specific']);
  });

  it('matches words written in capitals only in capitals', () => {
    expect(lookup('UK')?.kind).toBe('weak');
    expect(origins('She was born in the UK.')).toEqual(['UK:weak']);
    expect(origins('He said uk in the chat.')).toEqual([]);
  });
});
