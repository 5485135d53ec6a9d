import type { Document, Sentence, Token } from '../document/types.js';

/**
 * Who is a phrase about, and is that person a child? Adultifying words ('streetwise', 'promiscuous') are only
 * a breach about a child (001 §1.11), so rules need a cheap, document-level answer. This module reads the
 * tokens the parser built (never the raw text) and finds the people a record talks about: names with ages
 * ('Leah (14)', 'Jayden, 17,'), titled adults ('Ms Dunn'), role nouns ('her mother', 'the girl'), bare ages
 * ('aged 15', 'At 14', 'Year 10') and pronouns. A pronoun is resolved to the first agreeing person of its own
 * sentence or of the sentences before it: records name the child first and then say 'she'.
 */

export type Gender = 'f' | 'm';
type GrammaticalNumber = 'singular' | 'plural';

export interface PersonRef {
  /** Index of the first token of the reference in its sentence. */
  token: number;
  /** Index of its last token ('Kofi Asante' ends at 'Asante'). */
  end: number;
  /** 'person': somebody whose age the word itself does not tell ('her boyfriend', 'his cousin'). */
  kind: 'name' | 'titled' | 'adult-role' | 'child-noun' | 'pronoun' | 'age' | 'person';
  gender?: Gender;
  number: GrammaticalNumber;
  age?: number;
  /** 'her mother': a role noun owned by somebody else, rarely what a later pronoun points back to. */
  possessed?: boolean;
  /** Lower-case name words, for names. */
  names?: string[];
  /** 'this young man', 'the young woman': points back to somebody already named, like a pronoun. */
  anaphoric?: boolean;
}

export interface SubjectStatus {
  /** true: a child; false: an adult; undefined: the record does not say. */
  child: boolean | undefined;
  age?: number;
  /** How the answer was reached: from the person the phrase is about, or from the document as a whole. */
  from: 'subject' | 'document' | 'none';
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss']);

const ADULT_ROLES: Record<string, Gender | undefined> = {
  mother: 'f', mum: 'f', mummy: 'f', mam: 'f', stepmother: 'f', stepmum: 'f', grandmother: 'f', gran: 'f', nan: 'f', nana: 'f',
  grandma: 'f', aunt: 'f', auntie: 'f', aunty: 'f', wife: 'f', woman: 'f', lady: 'f', girlfriend: 'f',
  father: 'm', dad: 'm', daddy: 'm', stepfather: 'm', stepdad: 'm', grandfather: 'm', grandad: 'm', granddad: 'm', grandpa: 'm',
  uncle: 'm', husband: 'm', man: 'm', gentleman: 'm',
  parent: undefined, carer: undefined, partner: undefined, adult: undefined, officer: undefined, teacher: undefined,
  worker: undefined, manager: undefined, nurse: undefined, doctor: undefined, landlord: undefined, neighbour: undefined,
  perpetrator: undefined, abuser: undefined, tutor: undefined, chair: undefined, coordinator: undefined, consultant: undefined,
};
const ADULT_PLURALS = new Set([
  'parents', 'carers', 'adults', 'men', 'women', 'officers', 'police', 'staff', 'teachers', 'workers', 'professionals',
  'grandparents', 'neighbours', 'perpetrators', 'abusers', 'exploiters',
]);
const CHILD_NOUNS: Record<string, Gender | undefined> = {
  child: undefined, girl: 'f', boy: 'm', son: 'm', daughter: 'f', baby: undefined, toddler: undefined, infant: undefined,
  teenager: undefined, teen: undefined, pupil: undefined, schoolgirl: 'f', schoolboy: 'm', youngster: undefined, minor: undefined,
  stepson: 'm', stepdaughter: 'f', granddaughter: 'f', grandson: 'm', niece: 'f', nephew: 'm',
};
const CHILD_PLURALS = new Set(['children', 'girls', 'boys', 'pupils', 'teenagers', 'siblings', 'babies', 'adolescents']);
/** Abbreviations records use for children ('the YP was found …'); matched only as written in capitals. */
const CHILD_ABBREVIATIONS: Record<string, GrammaticalNumber> = { YP: 'singular', CYP: 'plural', UASC: 'singular', LAC: 'singular', CLA: 'singular', CiC: 'singular' };
/**
 * People a word names without telling their age: a child's boyfriend may be 15 or 25. They still take an age
 * written beside them ('her boyfriend, 25,') and a gender, so that a later 'she' does not point at 'him'.
 */
const PERSON_NOUNS: Record<string, Gender | undefined> = {
  boyfriend: 'm', brother: 'm', stepbrother: 'm', cousin: undefined, friend: undefined, sister: 'f', stepsister: 'f', sibling: undefined,
};
/**
 * What record-wide facts (people(doc): ages by name, whether the record is about a child; names(doc)) are read
 * from, for the batch pre-scan: ages and school years are written in digits, and the other evidence is a child
 * noun, a child abbreviation or 'young person'. A sentence holding none of these adds nothing to the facts.
 */
export const CHILD_EVIDENCE = {
  words: [...Object.keys(CHILD_NOUNS), ...CHILD_PLURALS, ...Object.keys(CHILD_ABBREVIATIONS), 'young'],
  pattern: agePattern(),
};

/**
 * Every number ageAt or schoolYearAt could read as an age: one or two digits, except before a unit of time
 * or a month ('in 3 weeks', '85 percent', '12 May'), unless written as an age ('aged 14 months', '13 years old').
 */
function agePattern(): string {
  const anyCase = (source: string) => source.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
  const units = anyCase(String.raw`weeks?|days?|hours?|minutes?|times?|months?|years?|%|per|percent|pm|am`);
  const months = anyCase(String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`);
  // The unit must be the whole next word ('week-long' or "weeks'" is not a unit to ageAt).
  const wholeWord = String.raw`(?![\p{L}\p{N}'’]|-[\p{L}\p{N}])`;
  return [
    String.raw`(?<=\b(?:${anyCase('aged?|of')})\s+)\d{1,2}\b`,
    String.raw`\b\d{1,2}(?:-${anyCase('years?')}-${anyCase('old')}|\s+${anyCase('years?')}(?:\s+|-)${anyCase('old')})\b`,
    String.raw`\b\d{1,2}\b(?!\s*(?:${units}|${months})${wholeWord})`,
    String.raw`\b[Yy]\d|\bYear\s+\d`,
  ].join('|');
}

/** Words before 'young man / woman' that point back to somebody already named: 'this young man'. */
const ANAPHORIC_DETERMINERS = new Set(['this', 'that', 'the']);
/** Words that end a prepositional phrase when walking back from a person to its preposition. */
const PREPOSITIONS = new Set(['by', 'with', 'to', 'from', 'for', 'about', 'among', 'amongst', 'near', 'of', 'against', 'like', 'than', 'towards', 'around', 'alongside', 'according']);
/** Words after a person that make them the subject of a clause of their own ('about Leah being …'). */
const PREDICATE_STARTS = new Set([
  'who', 'being', 'is', 'was', 'are', 'were', 'has', 'had', 'seems', 'seemed', 'appears', 'appeared', 'getting', 'putting',
  'placing', 'making', 'becoming', 'acting', 'behaving', 'becomes', 'became',
]);
const CLAUSE_WORDS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'and', 'or', 'but', 'who', 'that', 'which', 'said', 'says', 'as']);

const PRONOUNS: Record<string, { gender?: Gender; number: GrammaticalNumber; possessive?: boolean }> = {
  she: { gender: 'f', number: 'singular' }, her: { gender: 'f', number: 'singular', possessive: true }, herself: { gender: 'f', number: 'singular' },
  he: { gender: 'm', number: 'singular' }, him: { gender: 'm', number: 'singular' }, his: { gender: 'm', number: 'singular', possessive: true },
  himself: { gender: 'm', number: 'singular' },
  they: { number: 'plural' }, them: { number: 'plural' }, their: { number: 'plural', possessive: true }, themselves: { number: 'plural' },
  themself: { number: 'singular' },
};
const POSSESSIVE_DETERMINERS = new Set(['her', 'his', 'their', 'my', 'our', 'your']);

/** Capitalised words that are not people. */
const NOT_NAMES = new Set([
  'i', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'this', 'that', 'at', 'on', 'in',
  'to', 'we', 'it', 'there', 'plan', 'action', 'actions', 'outcome', 'reason', 'concern', 'request', 'present', 'note', 'visit',
  'review', 'referral', 'school', 'police', 'council', 'english', 'british', 'black', 'white', 'asian', 'year', 'nhs', 'gp', 'uk',
]);

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const TIME_UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|times?|%|per|percent|pm|am)$/;

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
const baseOf = (normal: string) => normal.replace(/'s$|'$/, '');
// parse-english keeps a full stop with a number at the end of a sentence ('Leah is 14.').
const numberOf = (t: Token | undefined): number | undefined => (t && /^\d{1,2}\.?$/.test(t.normal) ? parseInt(t.normal, 10) : undefined);

/** The source characters between two tokens (or before the first / after the last). */
function gap(doc: Document, s: Sentence, from: number, to: number): string {
  const start = from < 0 ? s.span.start : s.tokens[from].span.end;
  const end = to >= s.tokens.length ? s.span.end : s.tokens[to].span.start;
  return doc.text.slice(start, end);
}

/** A common noun for one person ('boyfriend', 'mother', 'girl'), whose age may follow in apposition. */
function isPersonNoun(t: Token): boolean {
  const base = baseOf(t.normal);
  return base in ADULT_ROLES || base in CHILD_NOUNS || base in PERSON_NOUNS;
}

/** An age written at token i: '14-year-old', '14 years old', 'aged 14', '(14)', 'Leah, 14,', 'At 14', 'now 18'. */
export function ageAt(doc: Document, s: Sentence, i: number): number | undefined {
  const t = s.tokens[i];
  const compact = /^(\d{1,2})-years?-old$/.exec(t.normal);
  if (compact) return Number(compact[1]);
  const n = numberOf(t);
  if (n === undefined) return undefined;
  const prev = s.tokens[i - 1];
  const next = s.tokens[i + 1];
  const before = gap(doc, s, i - 1, i);
  // A full stop kept inside the number token still ends the phrase.
  const after = (t.normal.endsWith('.') ? '.' : '') + gap(doc, s, i, i + 1);
  if (next && /^years?$/.test(next.normal) && s.tokens[i + 2]?.normal === 'old') return n;
  if (next && /^years?-old$/.test(next.normal)) return n;
  if (prev && /^(?:aged|age)$/.test(prev.normal) && !/\d/.test(before)) return n;
  if (prev && prev.normal === 'of' && s.tokens[i - 2]?.normal === 'age') return n;
  if (next && TIME_UNITS.test(next.normal)) return undefined;
  if (next && MONTHS.test(next.normal)) return undefined;
  // '(14)', '(14,', '(aged 14)': a bracketed number right after a name or a word for a person ('her boyfriend (24)').
  if (/\(\s*$/.test(before) && /^\s*[),;]/.test(after) && prev && (isCapitalised(prev) || isPersonNoun(prev))) return n;
  // 'Jayden, 17, presented …' / 'Mr Byrne, 39.' / 'her boyfriend, 25, who …'
  if (/^\s*,\s*$/.test(before) && /^\s*(?:[,.;)]|$)/.test(after) && prev && (isPersonNoun(prev) || (isCapitalised(prev) && !MONTHS.test(prev.normal) && !NOT_NAMES.has(prev.normal)))) return n;
  if (prev && /^(?:now|turned|turns|turning)$/.test(prev.normal) && !/[:.]/.test(after)) return n;
  // 'At 14 she …', 'at 14, she …'
  if (prev && prev.normal === 'at' && (/^\s*,/.test(after) || (next && next.normal in PRONOUNS))) return n;
  // 'when she was 14', 'Kayla is 13 and …', 'the child, who is 15,', 'her boyfriend is 21', 'she is only 13'
  const adverb = prev && AGE_ADVERBS.has(prev.normal) ? 1 : 0;
  const copula = s.tokens[i - 1 - adverb];
  const subject = s.tokens[i - 2 - adverb];
  const subjectLike = subject && (subject.normal in PRONOUNS || subject.normal === 'who' || isCapitalised(subject) || isPersonNoun(subject));
  if (copula && /^(?:is|was)$/.test(copula.normal) && subjectLike && /^\s*(?:[,.;)]|and\b|$)/.test(after + (next ? next.normal : ''))) {
    return n;
  }
  return undefined;
}

/** Words between 'is' and an age: 'she is only 13', 'he was just 12', 'her boyfriend is nearly 30'. */
const AGE_ADVERBS = new Set(['only', 'just', 'nearly', 'almost', 'barely', 'now', 'still', 'already']);

/** 'Year 10', 'Y9': a school year, so a child of about year + 5. */
function schoolYearAt(s: Sentence, i: number): number | undefined {
  const t = s.tokens[i];
  const compact = /^y(\d{1,2})$/.exec(t.normal);
  if (compact && t.text[0] === 'Y') return Number(compact[1]);
  const n = numberOf(s.tokens[i + 1]);
  if (t.text === 'Year' && n !== undefined && n >= 1 && n <= 13) return n;
  return undefined;
}

/** The people one sentence mentions, in order. */
export function personRefs(doc: Document, s: Sentence): PersonRef[] {
  const refs: PersonRef[] = [];
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const base = baseOf(t.normal);
    const prev = tokens[i - 1];
    const possessed = prev !== undefined && (POSSESSIVE_DETERMINERS.has(prev.normal) || /'s?$/.test(prev.normal));

    const age = ageAt(doc, s, i);
    if (age !== undefined) {
      // An age right after a person belongs to that person ('Leah (14)', 'a 24-year-old man' is handled below).
      const last = refs[refs.length - 1];
      if (last && last.age === undefined && last.kind !== 'pronoun' && i - last.end <= 2) {
        last.age = age;
      } else if (tokens[i + 1] && isPersonNoun(tokens[i + 1])) {
        // 'a 15-year-old girl', 'a 30-year-old boyfriend': the noun that follows takes the age.
        const noun = baseOf(tokens[i + 1].normal);
        const gender = ADULT_ROLES[noun] ?? CHILD_NOUNS[noun] ?? PERSON_NOUNS[noun];
        const kind = noun in PERSON_NOUNS ? 'person' : age < 18 ? 'child-noun' : 'adult-role';
        refs.push({ token: i, end: i + 1, kind, number: 'singular', age, ...(gender ? { gender } : {}) });
        i++;
      } else {
        refs.push({ token: i, end: i, kind: 'age', number: 'singular', age });
      }
      continue;
    }
    const year = schoolYearAt(s, i);
    if (year !== undefined) {
      const last = refs[refs.length - 1];
      if (last && last.age === undefined && last.kind !== 'pronoun') last.age = year + 5;
      else refs.push({ token: i, end: i, kind: 'age', number: 'singular', age: year + 5 });
      i += t.text === 'Year' ? 1 : 0;
      continue;
    }
    if (TITLES.has(t.normal.replace(/\.$/, '')) && isCapitalised(t)) {
      const start = i;
      const names: string[] = [];
      while (tokens[i + 1] && isCapitalised(tokens[i + 1])) names.push(baseOf(tokens[++i].normal));
      const title = t.normal.replace(/\.$/, '');
      const gender: Gender | undefined = FEMALE_TITLES.has(title) ? 'f' : title === 'mr' ? 'm' : undefined;
      refs.push({ token: start, end: i, kind: 'titled', number: 'singular', names, ...(gender ? { gender } : {}) });
      continue;
    }
    if (base in PRONOUNS) {
      const p = PRONOUNS[base];
      refs.push({ token: i, end: i, kind: 'pronoun', number: p.number, ...(p.gender ? { gender: p.gender } : {}), ...(p.possessive ? { possessed: true } : {}) });
      continue;
    }
    // 'this young man', 'the young woman': somebody already named, whose age the record gave there.
    if (/^(?:man|woman|lady)$/.test(base) && prev?.normal === 'young' && ANAPHORIC_DETERMINERS.has(tokens[i - 2]?.normal ?? '')) {
      refs.push({ token: i - 1, end: i, kind: 'person', number: 'singular', gender: base === 'man' ? 'm' : 'f', anaphoric: true });
      continue;
    }
    if (t.text in CHILD_ABBREVIATIONS) {
      refs.push({ token: i, end: i, kind: 'child-noun', number: CHILD_ABBREVIATIONS[t.text], possessed });
      continue;
    }
    if (base in PERSON_NOUNS) {
      const gender = PERSON_NOUNS[base];
      refs.push({ token: i, end: i, kind: 'person', number: 'singular', ...(gender ? { gender } : {}), possessed });
      continue;
    }
    // 'an adult boyfriend': an adjective here; the noun after it is the person.
    if (base === 'adult' && tokens[i + 1] && isPersonNoun(tokens[i + 1])) continue;
    if (base in ADULT_ROLES || ADULT_PLURALS.has(base)) {
      const gender = ADULT_ROLES[base];
      refs.push({ token: i, end: i, kind: 'adult-role', number: ADULT_PLURALS.has(base) ? 'plural' : 'singular', ...(gender ? { gender } : {}), possessed });
      continue;
    }
    if (base in CHILD_NOUNS || CHILD_PLURALS.has(base)) {
      const gender = CHILD_NOUNS[base];
      refs.push({ token: i, end: i, kind: 'child-noun', number: CHILD_PLURALS.has(base) ? 'plural' : 'singular', ...(gender ? { gender } : {}), possessed });
      continue;
    }
    if (base === 'young' && /^(?:person|people)$/.test(tokens[i + 1]?.normal ?? '')) {
      refs.push({ token: i, end: i + 1, kind: 'child-noun', number: tokens[i + 1].normal === 'person' ? 'singular' : 'plural', possessed });
      i++;
      continue;
    }
    if (isCapitalised(t) && /^\p{L}[\p{L}'’-]*$/u.test(t.text) && !NOT_NAMES.has(base) && (i > 0 || names(doc).has(base))) {
      const words = [base];
      while (tokens[i + 1] && isCapitalised(tokens[i + 1]) && !NOT_NAMES.has(baseOf(tokens[i + 1].normal)) && /^\s+$/.test(gap(doc, s, i, i + 1))) {
        words.push(baseOf(tokens[++i].normal));
      }
      refs.push({ token: i - words.length + 1, end: i, kind: 'name', number: 'singular', names: words });
    }
  }
  return refs;
}

interface DocumentPeople {
  refs: PersonRef[][];
  /** Name word → age, from every place the record gives one ('Kofi Asante (11)' → kofi, asante). */
  ages: Map<string, number>;
  /** The record mentions a child: an age under 18, a school year, 'young person', 'pupil', 'child'. */
  hasChild: boolean;
}

const cache = new WeakMap<Document, DocumentPeople>();
const nameCache = new WeakMap<Document, Set<string>>();

/** Name words given an age somewhere in the record, found before person references are built. */
function names(doc: Document): Set<string> {
  let found = nameCache.get(doc);
  if (found) return found;
  found = new Set();
  for (const s of doc.sentences) {
    for (let i = 1; i < s.tokens.length; i++) {
      if (ageAt(doc, s, i) === undefined) continue;
      // 'Kofi Asante (11)': every capitalised word of the name before the age.
      // ('Leah is 14': past the verb.)
      const last = /^(?:is|was)$/.test(s.tokens[i - 1].normal) ? i - 2 : i - 1;
      for (let k = last; k >= 0 && isCapitalised(s.tokens[k]) && !TITLES.has(s.tokens[k].normal); k--) found.add(baseOf(s.tokens[k].normal));
    }
  }
  nameCache.set(doc, found);
  return found;
}

export function people(doc: Document): DocumentPeople {
  let found = cache.get(doc);
  if (found) return found;
  const refs = doc.sentences.map((s) => personRefs(doc, s));
  const ages = new Map<string, number>();
  let hasChild = false;
  for (const list of refs) {
    for (const r of list) {
      if (r.age !== undefined && r.age < 18) hasChild = true;
      if (r.kind === 'child-noun' && r.number === 'singular') hasChild = true;
      if (r.age !== undefined) for (const n of r.names ?? []) if (!ages.has(n)) ages.set(n, r.age);
    }
  }
  found = { refs, ages, hasChild };
  cache.set(doc, found);
  return found;
}

function statusOf(doc: Document, r: PersonRef): SubjectStatus {
  const { ages } = people(doc);
  const age = r.age ?? r.names?.map((n) => ages.get(n)).find((a) => a !== undefined);
  if (age !== undefined) return { child: age < 18, age, from: 'subject' };
  if (r.kind === 'titled' || r.kind === 'adult-role') return { child: false, from: 'subject' };
  if (r.kind === 'child-noun') return { child: true, from: 'subject' };
  return { child: undefined, from: 'none' };
}

/** A pronoun, or 'this young man' with no age of its own: its status is that of the person it points back to. */
const pointsBack = (r: PersonRef) => r.kind === 'pronoun' || (r.anaphoric === true && r.age === undefined);

const agrees = (pronoun: PersonRef, r: PersonRef) =>
  !pointsBack(r) && (pronoun.number === 'plural' ? true : r.number === 'singular') && (!pronoun.gender || !r.gender || pronoun.gender === r.gender);

/** The first person of a sentence that a pronoun can point back to. */
function antecedentIn(list: PersonRef[], pronoun: PersonRef, before = Infinity): PersonRef | undefined {
  const candidates = list.filter((r) => r.token < before && agrees(pronoun, r) && !(r.possessed && (r.kind === 'adult-role' || r.kind === 'child-noun')));
  // 'he' prefers 'a man aged 29' to a name whose gender the record does not give.
  return (pronoun.gender && candidates.find((r) => r.gender === pronoun.gender)) || candidates[0];
}

/**
 * People of the pronoun's own sentence it cannot point back to: in 'Kamal is her boyfriend' 'her' is not Kamal,
 * the subject of the copula just before it.
 */
function boundSubject(s: Sentence, list: PersonRef[], pronoun: PersonRef): PersonRef | undefined {
  const copula = s.tokens[pronoun.token - 1];
  if (!copula || !/^(?:is|was|are|were)$/.test(copula.normal)) return undefined;
  return list.find((r) => r.end === pronoun.token - 2 && !pointsBack(r));
}

/** 'one of them', 'both of them': a plural pronoun that cannot be one person. */
function isPartitive(s: Sentence, pronoun: PersonRef): boolean {
  return s.tokens[pronoun.token - 1]?.normal === 'of' && /^(?:one|two|both|some|any|each|none|all|most)$/.test(s.tokens[pronoun.token - 2]?.normal ?? '');
}

function resolvePronoun(doc: Document, s: Sentence, pronoun: PersonRef): SubjectStatus {
  const { refs } = people(doc);
  const bound = boundSubject(s, refs[s.index], pronoun);
  const plural = isPartitive(s, pronoun);
  const pick = (list: PersonRef[], before?: number) =>
    antecedentIn(list.filter((r) => r !== bound && (!plural || r.number === 'plural')), pronoun, before);
  const here = pick(refs[s.index], pronoun.token);
  if (here) return statusOf(doc, here);
  for (let k = s.index - 1; k >= Math.max(0, s.index - 6); k--) {
    const found = pick(refs[k]);
    if (found) return statusOf(doc, found);
  }
  return { child: undefined, from: 'none' };
}

/** The status of a person reference, resolving pronouns and 'this young man' to whom they point back to. */
function resolve(doc: Document, s: Sentence, r: PersonRef): SubjectStatus {
  return pointsBack(r) ? resolvePronoun(doc, s, r) : statusOf(doc, r);
}

/**
 * Is a person the object of a preposition ('described by staff as …', 'seen with a group of older men')? Such a
 * person is the agent or company, not who the sentence describes; 'about Leah (14), who …' still is.
 */
function isPrepositionalObject(doc: Document, s: Sentence, r: PersonRef): boolean {
  // 'from the age of 12' is still about the subject.
  if (r.kind === 'age') return false;
  // 'about Leah (14), who is …', 'concerns about Leah (14) being …': the person is the subject of what follows.
  const after = s.tokens.slice(r.end + 1).find((t) => numberOf(t) === undefined);
  if (after && PREDICATE_STARTS.has(after.normal)) return false;
  for (let k = r.token - 1; k >= Math.max(0, r.token - 3); k--) {
    if (/[,;:.()]/.test(gap(doc, s, k, k + 1))) return false;
    const word = s.tokens[k].normal;
    if (PREPOSITIONS.has(word)) return true;
    if (CLAUSE_WORDS.has(word)) return false;
  }
  return false;
}

/**
 * Is the person a phrase at token `at` of sentence `s` is about a child? The nearest person before the phrase
 * in its sentence decides (a pronoun is resolved), passing over people inside a prepositional phrase ('by
 * staff', 'with older men'); when the record says nothing about that person, the document as a whole decides:
 * a record that mentions a child's age is about a child.
 */
export function subjectStatus(doc: Document, s: Sentence, at: number): SubjectStatus {
  const list = people(doc).refs[s.index] ?? [];
  // A reference that takes in the phrase itself ('a 30-year-old boyfriend') is not who the phrase is about.
  const before = list.filter((r) => r.end < at && !isPrepositionalObject(doc, s, r));
  const nearest = before[before.length - 1] ?? list.find((r) => r.token > at);
  let status: SubjectStatus = { child: undefined, from: 'none' };
  if (nearest) status = resolve(doc, s, nearest);
  else status = resolvePronoun(doc, s, { token: 0, end: 0, kind: 'pronoun', number: 'plural' });
  if (status.child !== undefined) return status;
  return people(doc).hasChild ? { child: true, from: 'document' } : status;
}

/**
 * Does a sentence involve a child at all? For words about an act rather than a person ('the sex was
 * consensual'), any child in the sentence is enough; adults only mean an adult matter; otherwise the document
 * decides.
 */
export function sentenceInvolvesChild(doc: Document, s: Sentence): SubjectStatus {
  const statuses = (people(doc).refs[s.index] ?? []).map((r) => resolve(doc, s, r));
  const child = statuses.find((st) => st.child === true);
  if (child) return child;
  const adult = statuses.find((st) => st.child === false);
  if (adult) return adult;
  return people(doc).hasChild ? { child: true, from: 'document' } : { child: undefined, from: 'none' };
}

/** The person a word at token `at` refers to, when it is a person reference itself ('he', 'a man aged 29'). */
export function referentStatus(doc: Document, s: Sentence, at: number): SubjectStatus | undefined {
  const ref = (people(doc).refs[s.index] ?? []).find((r) => r.token === at);
  if (!ref) return undefined;
  return resolve(doc, s, ref);
}

const ADVERBS_BEFORE_AGE = new Set(['already', 'even', 'only', 'just', 'then']);
/** Words that may follow an age ('at 12 and …', 'at 12 years'), where a clock time would not. */
const AFTER_AGE = new Set(['and', 'or', 'but', 'when', 'years', 'year', 'onwards', 'onward', 'because', 'yet']);

/**
 * An age given right after a phrase, saying when it applied: 'streetwise at 12', 'sexually active from the age
 * of 13', 'mature for her age as young as 9', 'putting herself at risk since she was 12'. Such an age is about
 * the person the phrase describes, whoever the sentence names. A clock time ('at 12 on Friday', 'at 12:30') is not.
 */
export function ageAfter(doc: Document, s: Sentence, last: number): number | undefined {
  let i = last + 1;
  const word = (k: number) => s.tokens[k]?.normal ?? '';
  const stopped = (k: number) => k >= s.tokens.length || /[;:.!?]/.test(gap(doc, s, k - 1, k));
  if (stopped(i)) return undefined;
  if (ADVERBS_BEFORE_AGE.has(word(i))) i++;
  if (stopped(i)) return undefined;
  let at: number | undefined;
  if (/^(?:since|when)$/.test(word(i)) && word(i + 1) in PRONOUNS && /^(?:was|were)$/.test(word(i + 2))) {
    at = i + 3;
  } else if (/^(?:at|from|since|by)$/.test(word(i))) {
    at = word(i + 1) === 'the' && word(i + 2) === 'age' && word(i + 3) === 'of' ? i + 4 : i + 1;
  } else if (/^(?:aged|age)$/.test(word(i))) {
    at = i + 1;
  } else if (word(i) === 'as' && /^(?:young|early)$/.test(word(i + 1)) && word(i + 2) === 'as') {
    at = i + 3;
  }
  if (at === undefined || stopped(at)) return undefined;
  const n = numberOf(s.tokens[at]);
  if (n === undefined) return undefined;
  // A number ending the sentence or its clause, or followed by 'and', 'years': an age, not 'at 12 on Friday'.
  const ends = s.tokens[at].normal.endsWith('.') || at + 1 >= s.tokens.length || /^\s*[,;.)!?](?!\d)/.test(gap(doc, s, at, at + 1));
  return ends || AFTER_AGE.has(word(at + 1)) ? n : undefined;
}
