import type { Document, Sentence, Span, Token } from '../document/types.js';
import { lexiconHits } from './lexicon.js';
import { gapBetween, isNamePart, isPersonNoun, isPluralPersonNoun, PERSON_PRONOUNS, personNouns } from './person.js';

/**
 * Does a word describe a specific person? Used for words that are ethnic labels only when said of somebody:
 * "Black" ("a black man", "Mr Fofanah is Black", "Mother (Asian, 30s)", "Ethnicity: Mixed") as against
 * "a black coat", "the Black Country", "Black children are over-represented"; "coloured" ("a coloured woman"
 * but "coloured pencils"); "oriental" ("an oriental gentleman" but "an oriental rug").
 */
export type PersonUsage = 'field' | 'attributive' | 'predicate' | 'apposition' | 'heritage';

export interface WordRange {
  sentence: Sentence;
  /** First and last token index of the word or phrase. */
  first: number;
  last: number;
  span: Span;
}

/** "Ethnicity:", "Race:", "Racial origin:", "Mother's ethnicity (self-described) -" */
const FIELD_NAME = /\b(?:ethnicity|ethnic\s+(?:origin|group|background|category|identity)|race|racial\s+(?:origin|group|background|category)|heritage)\b/i;
const FIELD_BEFORE = new RegExp(`${FIELD_NAME.source}(?:\\s+of\\s+\\w+)?\\s*(?:\\([^)]*\\))?\\s*[*_]{0,2}\\s*[:=–—|-]\\s*[*_]{0,2}\\s*(?:[\\w'-]+\\s+){0,2}$`, 'i');
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am', 'appears', 'appeared', 'looks', 'looked', 'seems', 'seemed']);
/** "described as", "recorded as", "identified as" */
const AS_VERBS = /^(?:describ|record|identif|regist|list|not|class|cod|known|seen|perceiv|present|categoris|document|enter|log)/;
/** Words between a copula and its subject that do not change who the subject is. */
const SUBJECT_SKIP = new Set([
  'also', 'both', 'all', 'now', 'originally', 'not', 'believed', 'thought', 'understood', 'said', 'reported', 'known',
  'to', 'be', 'been', 'may', 'might', 'could', 'would', 'will', 'should', 'must', 'can', 'has', 'have', 'had',
  'probably', 'possibly', 'likely', 'clearly', 'visibly', 'apparently', 'presumed', 'assumed', 'aged', 'age', 'years',
  'year', 'yrs', 'old', 'months', 'himself', 'herself', 'themselves', 'is', 'was', 'are', 'were', 'seen', 'described',
  'each',
]);
/** Between a person and what is said of them: "Dad is originally from Lagos", "she was born in Accra". */
const OWNER_SKIP = new Set([...COPULAS, ...SUBJECT_SKIP, 'from', 'in', 'born', 'came', 'come', 'comes', 'moved', 'migrated', 'originally', 'arrived', 'fled', 'grew', 'up', 'raised', 'brought', 'of', 'a', 'an']);
/** Between a copula or an opening comma and the label: "they are both White European", "the carers, both White British". */
const PREDICATE_SKIP = new Set(['both', 'all', 'each', 'also', 'probably', 'possibly', 'clearly', 'apparently', 'visibly', 'presumably']);
/** The last word of an organisation's or event's name: "the Black Workers' Network", "Black and Asian Staff Forum". */
const ORGANISATION_ENDINGS = new Set([
  'network', 'forum', 'group', 'association', 'society', 'alliance', 'collective', 'council', 'trust', 'project',
  'centre', 'center', 'committee', 'union', 'federation', 'partnership', 'foundation', 'club', 'church', 'fellowship',
  'board', 'panel', 'caucus', 'service', 'services', 'team', 'month', 'festival', 'awards', 'initiative', 'programme',
  'program', 'campaign', 'movement', 'charity', 'agency', 'hub', 'academy', 'school', 'college', 'museum', 'library',
]);
/** Words that may join the capitalised words of a name: "Black and Asian Workers' Forum", "Society of Black Lawyers". */
const NAME_LINKS = new Set(['and', '&', 'of', 'for', 'the', 'in']);
const ETHNICITY_NOUNS = new Set(['ethnicity', 'race', 'origin', 'background', 'heritage', 'identity']);
const HERITAGE_AFTER = new Set(['heritage', 'descent', 'origin', 'origins', 'background', 'appearance', 'ethnicity', 'extraction', 'parentage']);
/** Words between the label and the person noun: "a Black young man", "a white social worker". */
const BETWEEN_WORDS = new Set([
  'young', 'elderly', 'older', 'old', 'little', 'teenage', 'single', 'lone', 'local', 'adult', 'baby', 'infant', 'male',
  'female', 'disabled', 'pregnant', 'birth', 'foster', 'social', 'support', 'care', 'key', 'police', 'health', 'youth',
  'school', 'family', 'unaccompanied', 'security', 'bus', 'taxi', 'delivery', 'agency', 'night', 'day', 'shop', 'van', 'service', 'community', 'staff', 'team', 'care-experienced',
  'looking', 'appearing', 'skinned',
]);
const COLOUR_IDIOM_AFTER = /^\s*(?:and\s+blue|as\s+a\s+(?:sheet|ghost)|with\s+(?:shock|fear|rage|anger|cold)|in\s+the\s+face)\b/i;
/** Before a plural ("the two Black boys"): these make it particular people, not people in general. */
const SPECIFIC_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'my', 'our', 'your', 'its', 'both', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'one', 'each']);
const GENERAL_DETERMINERS = new Set(['many', 'most', 'all', 'some', 'few', 'fewer', 'more', 'other', 'no', 'any', 'several', 'such']);

/** "There is black mould", "It was white": subjects that are not a person. */
const NOT_PERSON_SUBJECTS = new Set(['there', 'it', 'this', 'that', 'which', 'what', 'everything', 'nothing', 'something']);
/** A person noun as a field name just before the word: "Mother:", "Grandmother (maternal):", "Dad –". */
const PERSON_FIELD_BEFORE = /([\p{L}'’]+)\s*(?:\([^)]*\))?\s*[:–—-]\s*$/u;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'around']);

/**
 * A form field's label somewhere in a line (a regular-expression source, for flags 'iu'): a field name or a
 * word for a person, then a separator. What FIELD_BEFORE and PERSON_FIELD_BEFORE need before an ethnicity
 * word, without their "at most two words after it" and end anchors, so wherever `isField` holds, this matches
 * in the text before the word. generic-ethnicity's pre-scan declaration reads a candidate's whole line only
 * then: in prose lines ("He is Black and …") only the candidate's sentence is parsed.
 */
export const FIELD_LABEL_SOURCE = [
  `(?:${FIELD_NAME.source})(?:\\s+of\\s+\\w+)?\\s*(?:\\([^)]*\\))?\\s*[*_]{0,2}\\s*[:=–—|-]`,
  `(?<![\\p{L}'’])(?:${personNouns().map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|')})\\s*(?:\\([^)]*\\))?\\s*[:–—-]`,
].join('|');

/** Words after "is Black" that cannot be the noun it colours. */
const NOT_NOUNS_AFTER = new Set([
  'and', 'or', 'but', 'with', 'in', 'on', 'at', 'from', 'to', 'of', 'since', 'who', 'which', 'that', 'she', 'he',
  'they', 'we', 'i', 'so', 'because', 'as', 'was', 'is', 'are', 'were', 'has', 'have', 'had', 'when', 'while',
  'after', 'before', 'by', 'for', 'not', 'nor', 'born', 'like', 'than', 'too', 'also', 'herself', 'himself',
  'themselves', 'british', 'english', 'irish', 'and/or', 'if', 'though', 'although', 'then', 'now', 'still', 'only',
  'her', 'his', 'their', 'its', 'lives', 'living', 'works', 'speaks', 'says', 'said', 'attends', 'will', 'would',
  'can', 'could', 'may', 'might', 'should', 'does', 'did', 'do', 'but', 'yet', 'however',
]);
const isCap = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
const isNumber = (t: Token | undefined) => t !== undefined && /^\d/.test(t.text);
const spaced = (gap: string) => /^[ \t]+$/.test(gap);

/**
 * "Asian-looking", "oriental-appearing": the word's token goes on past the word with an appearance suffix, which
 * still says the word of a person (where "non-white" or "Black-led" do not). "-skinned" only where asked: "brown-
 * skinned" describes skin, but "coloured-skinned" is the outdated word all the same.
 */
export function endsInAppearanceSuffix(doc: Document, wordEnd: number, tokenEnd: number, suffixes: readonly string[] = ['looking', 'appearing']): boolean {
  const rest = doc.text.slice(wordEnd, tokenEnd);
  return wordEnd < tokenEnd && /^[-\u2010\u2011]/.test(rest) && suffixes.includes(rest.slice(1).toLowerCase());
}

export class PersonDescription {
  private tagCache: Set<string>[] | undefined;

  constructor(
    private readonly doc: Document,
    private readonly range: WordRange,
    private readonly tagger: (sentence: Sentence) => Set<string>[],
  ) {}

  private get tokens(): Token[] {
    return this.range.sentence.tokens;
  }

  tags(): Set<string>[] {
    return (this.tagCache ??= this.tagger(this.range.sentence));
  }

  /** How the word describes a specific person, or undefined (an object, a name, people in general). */
  usage(): PersonUsage | undefined {
    if (this.isField()) return 'field';
    if (this.startsProperName()) return undefined;
    if (this.personNounIndex() !== undefined) return this.isGeneralPlural() ? undefined : 'attributive';
    if (this.isHeritage()) return 'heritage';
    if (this.isPredicate()) return 'predicate';
    if (this.isApposition()) return 'apposition';
    return undefined;
  }

  /** "of Asian heritage", "from a Black Caribbean background", "with an African background". */
  isHeritage(): boolean {
    const { tokens, range } = this;
    if (!HERITAGE_AFTER.has(tokens[range.last + 1]?.normal ?? '')) return false;
    const before = tokens[range.first - 1]?.normal;
    if (before === 'of') return true;
    return (before === 'a' || before === 'an') && ['from', 'of', 'with'].includes(tokens[range.first - 2]?.normal ?? '');
  }

  /** "Ethnicity: Mixed", "Race: Black", "Mother: Black British". */
  isField(): boolean {
    const { doc, range, tokens } = this;
    if (FIELD_BEFORE.test(doc.text.slice(range.sentence.span.start, range.span.start))) return true;
    // "Mother: Black British", "Grandmother (maternal): Black Caribbean", "Dad – White Other"
    const label = PERSON_FIELD_BEFORE.exec(doc.text.slice(range.sentence.span.start, range.span.start));
    return label !== null && isPersonNoun(label[1].toLowerCase());
  }

  /**
   * "the Black Country", "Black Lives Matter", "Black Staff Network", "School of Oriental and African Studies":
   * a capitalised word followed by capitalised words that are not a person noun or an origin.
   */
  startsProperName(): boolean {
    const { doc, range, tokens } = this;
    if (this.inOrganisationName()) return true;
    const next = tokens[range.last + 1];
    if (!isCap(tokens[range.last]) || !isCap(next) || !spaced(gapBetween(doc, tokens[range.last], next))) return false;
    const origin = lexiconHits(range.sentence, doc.text).some((h) => h.first === range.last + 1);
    if (!origin && !isPersonNoun(next.normal)) return true;
    const third = tokens[range.last + 2];
    return isPersonNoun(next.normal) && isCap(third) && spaced(gapBetween(doc, next, third));
  }

  /**
   * "the Black Workers' Network", "Black and Asian Staff Forum", "Black History Month": capitalised words (with
   * possessive apostrophes and linking words) running from the label to an organisation's or event's last word.
   */
  inOrganisationName(): boolean {
    const { doc, range, tokens } = this;
    if (!isCap(tokens[range.first])) return false;
    for (let k = range.last + 1; k < tokens.length && k <= range.last + 6; k++) {
      const gap = gapBetween(doc, tokens[k - 1], tokens[k]);
      if (!/^['’]?s?['’]?\s+$/.test(gap)) return false;
      const t = tokens[k];
      if (isCap(t) && ORGANISATION_ENDINGS.has(t.normal)) return true;
      if (!isCap(t) && !NAME_LINKS.has(t.normal)) return false;
    }
    return false;
  }

  /**
   * After "in", "at", "to", "from", compromise calls the word a place or an organisation and no person noun
   * follows ("moved to White Rock"). Elsewhere a place name is already a capitalised run (startsProperName).
   */
  taggedAsPlace(): boolean {
    if (!PLACE_PREPOSITIONS.has(this.tokens[this.range.first - 1]?.normal ?? '') || this.personNounIndex() !== undefined) return false;
    const tags = this.tags()[this.range.first];
    return tags.has('Place') || tags.has('Organization');
  }

  /** "part of a name: "Mr White", "Andrew White". */
  isNamePart(): boolean {
    return isNamePart(this.doc, this.range.sentence, this.range.first, () => this.tags());
  }

  /** The person noun the word modifies: "a black family", "a Black family support worker". */
  personNounIndex(): number | undefined {
    const { range, tokens, doc } = this;
    for (let k = range.last + 1; k < tokens.length && k <= range.last + 3; k++) {
      const t = tokens[k];
      if (!/^[\s-]+$/.test(gapBetween(doc, tokens[k - 1], t))) return undefined;
      if (isPersonNoun(t.normal)) return k;
      if (!BETWEEN_WORDS.has(t.normal)) return undefined;
    }
    return undefined;
  }

  /** "Black children are over-represented": a plural without a determiner speaks of people in general. */
  isGeneralPlural(): boolean {
    const head = this.personNounIndex();
    if (head === undefined || !isPluralPersonNoun(this.tokens[head].normal)) return false;
    // "the Black community", "the Gypsy and Traveller community": a community is people in general, not a household.
    if (['community', 'communities'].includes(this.tokens[head].normal)) return true;
    // Walk back over the noun phrase only ("the two young Black boys"), not into the clause before it.
    for (let i = this.range.first - 1; i >= 0 && i >= this.range.first - 3; i--) {
      const t = this.tokens[i];
      // "our Black staff": the organisation's people as a group, unless counted ("our two Black colleagues")
      if (GENERAL_DETERMINERS.has(t.normal) || t.normal === 'our') return true;
      if (SPECIFIC_DETERMINERS.has(t.normal) || isNumber(t) || /'s$/.test(t.normal)) return false;
      if (!BETWEEN_WORDS.has(t.normal)) return true;
    }
    return true;
  }

  /** "Mr Fofanah is Black", "father believed to be coloured", "describes the boy as Black". */
  isPredicate(): boolean {
    const { tokens, range, doc } = this;
    // "they are both White European", "he is probably Asian"
    let before = range.first - 1;
    while (before > 0 && PREDICATE_SKIP.has(tokens[before].normal)) before--;
    const previous = tokens[before];
    if (!previous) return false;
    // "black and blue", "white as a sheet", "white with shock": how somebody looked, not who they are
    if (COLOUR_IDIOM_AFTER.test(doc.text.slice(range.span.end, range.sentence.span.end))) return false;
    // The structure first; whether a noun follows ("is black mould") is asked last, as it may need the tagger.
    return this.predicateFrame(before) && !this.nounFollows();
  }

  private predicateFrame(before: number): boolean {
    const { tokens } = this;
    const previous = tokens[before];
    if (previous.normal === 'as') {
      for (let i = before - 1; i >= 0 && i >= before - 4; i--) if (AS_VERBS.test(tokens[i].normal)) return true;
      return false;
    }
    // "she's Black", "Mum's Asian": subject and copula in one token
    const contracted = /^(.+)'s$/.exec(previous.normal);
    if (contracted && (PERSON_PRONOUNS.has(contracted[1]) || isPersonNoun(contracted[1]))) return true;
    if (!COPULAS.has(previous.normal)) return false;
    // "his ethnicity is White Other": a field written as a sentence
    if (ETHNICITY_NOUNS.has(tokens[before - 1]?.normal ?? '')) return true;
    return this.subjectIsPerson(before - 1);
  }

  /**
   * "the wall is white paint", "is black mould": a noun right after the word makes it a colour of a thing. The
   * tagger is asked only when the next word could be a noun at all (not "and", "with", "British", a comma).
   */
  private nounFollows(): boolean {
    const { tokens, range, doc } = this;
    const next = tokens[range.last + 1];
    if (!next || isPersonNoun(next.normal) || NOT_NOUNS_AFTER.has(next.normal) || isNumber(next)) return false;
    if (/^[,;.():–—]/.test(gapBetween(doc, tokens[range.last], next).trim())) return false;
    return this.tags()[range.last + 1]?.has('Noun') ?? false;
  }

  private subjectIsPerson(from: number): boolean {
    let i = from;
    while (i >= 0 && (SUBJECT_SKIP.has(this.tokens[i].normal) || isNumber(this.tokens[i]))) i--;
    const subject = this.tokens[i];
    if (!subject) return false;
    if (PERSON_PRONOUNS.has(subject.normal) || isPersonNoun(subject.normal)) return true;
    if (/'s$/.test(subject.normal) || NOT_PERSON_SUBJECTS.has(subject.normal)) return false;
    if (!isCap(subject)) return false;
    if (i > 0) return true;
    const tags = this.tags()[i];
    if (tags.has('Person') || tags.has('ProperNoun')) return true;
    // A sentence-initial name compromise does not know ("Kwame is Black"): a capitalised label says ethnicity,
    // where "Paint is white" would not be capitalised.
    return isCap(this.tokens[this.range.first]) && !tags.has('Plural');
  }

  /**
   * The person the word is said of, when the sentence shows it: "Mum (White British)" → Mum, "Dad is from Lagos"
   * → Dad, "a Nigerian man" → man. Returns the token index.
   */
  owner(): number | undefined {
    const { doc, range, tokens } = this;
    const head = this.personNounIndex();
    if (head !== undefined) return head;
    const before = doc.text.slice(tokens[range.first - 1]?.span.end ?? range.sentence.span.start, range.span.start).trim();
    let i = range.first - 1;
    if (/\($/.test(before)) {
      while (i >= 0 && isNumber(tokens[i])) i--;
    } else {
      while (i >= 0 && (OWNER_SKIP.has(tokens[i].normal) || isNumber(tokens[i]))) i--;
      if (i === range.first - 1) return undefined;
    }
    const t = tokens[i];
    // "came to Leeds from Kumasi": a word after a preposition is a place, not the person.
    if (!t || ['to', 'in', 'at', 'into', 'of', 'with', 'near'].includes(tokens[i - 1]?.normal ?? '')) return undefined;
    return isPersonNoun(t.normal) || PERSON_PRONOUNS.has(t.normal) || isCap(t) ? i : undefined;
  }

  /** "Mother (Asian, 30s)", "Mrs Begum, 71, Asian British, widowed". */
  isApposition(): boolean {
    const { doc, range, tokens } = this;
    // "the applicants, both White European, …", "the boys (both Black)"
    let opener = range.first - 1;
    while (opener >= 0 && PREDICATE_SKIP.has(tokens[opener].normal) && tokens[opener].normal !== 'also') opener--;
    const before = doc.text.slice(tokens[opener]?.span.end ?? range.sentence.span.start, tokens[opener + 1]?.span.start ?? range.span.start).trim();
    const nextToken = tokens[range.last + 1];
    const after = doc.text.slice(range.span.end, nextToken?.span.start ?? range.sentence.span.end).trim();
    if (!/[(,]$/.test(before) || !(after === '' || /^[,);.]/.test(after))) return false;
    let i = range.first - 1;
    while (i >= 0 && (isNumber(tokens[i]) || SUBJECT_SKIP.has(tokens[i].normal))) i--;
    const host = tokens[i];
    if (!host) return false;
    if (isPersonNoun(host.normal)) return true;
    if (!isCap(host)) return false;
    // "Jaden, 14, Black British": an age in the apposition says the host is a person, without the tagger.
    const aged = tokens.slice(i + 1, range.first).some((t) => isNumber(t));
    return i > 0 || aged || isNamePart(doc, range.sentence, i, () => this.tags());
  }
}
