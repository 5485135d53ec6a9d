import type { Sentence } from '../document/types.js';
import {
  AS_VERBS,
  AUXILIARIES,
  ADVERB_WORDS,
  COMPLEMENT_VERBS,
  CONJUNCTIONS,
  DETERMINERS,
  FEEL,
  HARD_PUNCTUATION,
  LINKING,
  PREPOSITIONS,
  RELATIVES,
  SUBORDINATORS,
  SentenceView,
  TITLES,
  classifyWord,
  beforeRelativeClause,
  compileLexicon,
  fieldOwner,
  isTitledName,
  reportedClauseStart,
  type CompiledLexicon,
  type Target,
  type TargetKind,
} from './applies-to.js';

/**
 * What a label applies to, decided from the words alone when they leave no doubt: 'Ms Price appeared
 * emotionally unavailable to the baby', 'he was evasive when …', 'Mum is resistant to support', 'Families who
 * fail to engage …'. Loading the part-of-speech tagger costs more than linting a short draft, so the label
 * rules ask here first and call `findTarget` (with tags) only when this returns undefined.
 *
 * Every answer given here must be the one `findTarget` would give (test/nlp/quick-target.test.ts checks it over
 * many sentences); anything that needs a tag to decide (an unknown word that could be a noun after the label,
 * a subject that is not plainly a name, pronoun or known noun) returns undefined.
 */
type Subject = Omit<Target, 'relation' | 'comodifiers'>;

const NO_TAGS: Set<string>[] = [];

/** Words that report what somebody said or wrote, after which a new clause and its subject begin. */
const REPORTING = new Set(['said', 'says', 'reported', 'reports', 'stated', 'states', 'explained', 'noted', 'told', 'thinks', 'thought', 'felt', 'feels']);
/** Pronouns that can only be a subject: the one right before a verb is that verb's subject. */
const NOMINATIVE = new Set(['he', 'she', 'they', 'i', 'you', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody']);
/** Words before a noun that never change what kind of thing it is: 'the young person', 'her birth mother'. */
const NOUN_MODIFIERS = new Set(['young', 'younger', 'youngest', 'old', 'older', 'oldest', 'elder', 'eldest', 'little', 'big', 'baby', 'birth', 'foster',
  'maternal', 'paternal', 'former', 'current', 'new', 'other', 'both', 'two', 'three', 'adult', 'teenage', 'ex', 'step', 'late', 'same']);
/** Verbs that start a second verb phrase after 'and': 'was hostile and has …', 'was angry and said …'. */
const CLAUSE_VERBS = new Set([...LINKING, 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'then', ...REPORTING]);
/** Words after which no noun the label modifies can follow: prepositions and a few place words. */
const AFTER_PHRASE = new Set([...PREPOSITIONS, ...SUBORDINATORS, 'above', 'below', 'beneath', 'underneath', 'opposite']);
/** -ly words that are adjectives, not manner adverbs. */
const LY_ADJECTIVES = new Set(['family', 'daily', 'weekly', 'monthly', 'early', 'friendly', 'unfriendly', 'elderly', 'lonely', 'lovely', 'silly',
  'ugly', 'holy', 'jolly', 'bully', 'ally', 'rally', 'supply', 'reply', 'apply', 'belly', 'jelly', 'curly', 'surly', 'burly', 'costly', 'deadly',
  'lively', 'orderly', 'disorderly', 'unruly', 'timely', 'untimely', 'unlikely', 'likely', 'kindly', 'cowardly', 'manly', 'motherly', 'fatherly',
  'sickly', 'smelly', 'wobbly', 'chilly', 'hilly', 'woolly', 'bubbly', 'cuddly', 'poorly', 'only']);
/** Base forms of 'as' verbs that are not also common nouns ('report', 'view', 'record' are). */
const BASE_AS_VERBS = new Set(['describe', 'see', 'regard', 'perceive', 'portray', 'depict', 'characterise', 'characterize', 'identify', 'assess']);

export function quickTarget(sentence: Sentence, source: string, first: number, last: number, lexicon: CompiledLexicon = compileLexicon()): Target | undefined {
  const view = new SentenceView(sentence, NO_TAGS, source, lexicon);
  if (/ly$/.test(view.word(last))) return mannerTarget(view, first);
  const attributive = attributiveNoun(view, last);
  if (attributive) return attributive;
  if (!endsPhrase(view, last)) return undefined;
  const complement = objectComplement(view, first);
  if (complement) return complement;
  for (let j = first - 1; j >= 0; j--) {
    if (HARD_PUNCTUATION.test(view.gapBefore(j + 1))) return fieldOwner(view, j + 1);
    if (view.gapBefore(j + 1).includes(',')) return undefined;
    const w = view.word(j);
    if (LINKING.has(w) || FEEL.has(w)) {
      const subject = quickSubject(view, j);
      return subject && { ...subject, relation: 'predicative', link: view.tokens[j], comodifiers: [] };
    }
    if (w === 'as') return asComplement(view, j);
    // 'was tired and hostile': a coordinated adjective before this one.
    if (CONJUNCTIONS.has(w) && j > 0 && isPossibleAdjective(view, j - 1)) {
      j--;
      continue;
    }
    if (!isSkippable(view, j)) return undefined;
  }
  return undefined;
}

/** The subject of the verb at token `verb` when the words alone decide it ('Families who fail to engage …'). */
export function quickVerbSubject(sentence: Sentence, source: string, verb: number, lexicon: CompiledLexicon = compileLexicon()): Target | undefined {
  const subject = quickSubject(new SentenceView(sentence, NO_TAGS, source, lexicon), verb);
  return subject && { ...subject, relation: 'predicative', comodifiers: [] };
}

/** 'Mr Fletcher was aggressively shouting', 'He spoke aggressively': the clause's subject, right before the verb. */
function mannerTarget(view: SentenceView, first: number): Target | undefined {
  let j = first - 1;
  while (j >= 0 && !/[^\s]/.test(view.gapBefore(j + 1)) && isSkippable(view, j)) j--;
  // One unknown word between subject and adverb is the verb: 'He spoke aggressively'.
  if (j > 0 && !/[^\s]/.test(view.gapBefore(j + 1)) && isPossibleVerb(view, j)) j--;
  if (j < 0 || /[^\s]/.test(view.gapBefore(j + 1))) return undefined;
  const w = view.word(j);
  const subject: Subject | undefined = NOMINATIVE.has(w) && clauseOpens(view, j) ? { kind: 'person', head: view.tokens[j] } : nounPhrase(view, j, false);
  return subject && subject.kind === 'person' ? { ...subject, relation: 'manner', comodifiers: [] } : undefined;
}

/** 'an aggressive dog at the property', 'a loud bang from the boiler', 'an aggressive boy who …'. */
function attributiveNoun(view: SentenceView, last: number): Target | undefined {
  let end = last + 1;
  if (end >= view.tokens.length || /[^\s]/.test(view.gapBefore(end)) || !view.isNoun(end)) return undefined;
  while (end + 1 < view.tokens.length && view.isNoun(end + 1) && !/[^\s\-\u2010\u2011]/.test(view.gapBefore(end + 1))) end++;
  if (['form', 'type', 'kind', 'strain', 'version', 'case'].includes(view.word(end))) return undefined;
  if (!endsPhrase(view, end) && !RELATIVES.has(view.word(end + 1)) && !CLAUSE_VERBS.has(view.word(end + 1))) return undefined;
  const kind = classifyWord(view.tokens[end], undefined, view.lexicon);
  return { kind, relation: 'attributive', head: view.tokens[end], comodifiers: [] };
}

/** 'found him intimidating', 'considers them uncooperative'. */
function objectComplement(view: SentenceView, first: number): Target | undefined {
  const object = first - 1;
  if (object < 1 || !['him', 'them', 'me', 'us'].includes(view.word(object)) || !COMPLEMENT_VERBS.has(view.word(object - 1))) return undefined;
  if (/[^\s]/.test(view.gapBefore(first)) || /[^\s]/.test(view.gapBefore(object))) return undefined;
  return { kind: view.word(object) === 'us' ? 'service' : 'person', relation: 'complement', head: view.tokens[object], comodifiers: [] };
}

/**
 * The subject of the verb at `verb` ('failed' in 'Mr Obi failed to engage'), or undefined when only the tagger
 * could tell. Skips auxiliaries and adverbs; resolves 'who' to a person noun right before it and 'and' to the
 * subject the sentence opens with.
 */
function quickSubject(view: SentenceView, verb: number): Subject | undefined {
  let j = verb - 1;
  while (j >= 0 && !HARD_PUNCTUATION.test(view.gapBefore(j + 1)) && isSkippable(view, j)) j--;
  if (j < 0) return { kind: 'none', elided: true };
  const antecedent = beforeRelativeClause(view, j);
  // 'Grandad, who is …, was angry': the noun before the relative clause, as findTarget reads it.
  if (antecedent !== j) return relativeAntecedent(view, antecedent);
  if (isBracketedAge(view, j)) return isNamed(view, j - 1) ? { kind: 'person', head: view.tokens[j - 1] } : undefined;
  // 'Her mother, Ms Leanne Fraser, has …': a titled name in apposition is a person, whichever noun is the head.
  if (view.gapBefore(j + 1).trim() === ',' && isTitledName(view.tokens, j)) return { kind: 'person', head: view.tokens[j] };
  if (HARD_PUNCTUATION.test(view.gapBefore(j + 1)) || view.gapBefore(j + 1).includes(',')) return undefined;
  const w = view.word(j);
  if (w === 'who' && j > 0) {
    const antecedent = nounPhrase(view, j - 1, true);
    return antecedent?.kind === 'person' ? antecedent : undefined;
  }
  if (CONJUNCTIONS.has(w)) return sentenceSubject(view, j);
  if (NOMINATIVE.has(w)) return { kind: 'person', head: view.tokens[j] };
  if (w === 'we') return { kind: 'service', head: view.tokens[j] };
  if (w === 'it' && clauseOpens(view, j)) return { kind: 'thing', head: view.tokens[j] };
  return nounPhrase(view, j, false);
}

/** The noun before ', who …,' when the lexicon or a title decides it and it opens its clause. */
function relativeAntecedent(view: SentenceView, end: number): Subject | undefined {
  if (end < 0) return undefined;
  const w = view.word(end);
  if (NOMINATIVE.has(w)) return { kind: 'person', head: view.tokens[end] };
  return nounPhrase(view, end, false);
}

/**
 * 'Ms Morgan has remained resistant … and has been non-compliant': after 'and' the verb shares the subject the
 * sentence opens with, when that is plainly a pronoun, a titled name or a known noun followed by its verb.
 */
function sentenceSubject(view: SentenceView, conjunction: number): Subject | undefined {
  const start = reportedClauseStart(view, conjunction);
  for (let end = start; end < Math.min(start + 4, conjunction); end++) {
    const next = view.word(end + 1);
    if (!(AUXILIARIES.has(next) || LINKING.has(next)) || /[^\s]/.test(view.gapBefore(end + 1))) continue;
    if (NOMINATIVE.has(view.word(end))) return end === start ? { kind: 'person', head: view.tokens[end] } : undefined;
    const subject = nounPhrase(view, end, true);
    return subject && phraseStartBefore(view, end) < start ? subject : undefined;
  }
  return undefined;
}

/** 'presented as', 'was described as', 'describe her as'. */
function asComplement(view: SentenceView, asIndex: number): Target | undefined {
  const before = asIndex - 1;
  if (before < 0) return undefined;
  const w = view.word(before);
  if (['her', 'him', 'them', 'me', 'us'].includes(w) && before > 0 && isAsVerb(view, before - 1)) {
    const kind: TargetKind = w === 'us' ? 'service' : 'person';
    return { kind, relation: 'complement', head: view.tokens[before], comodifiers: [] };
  }
  if (!isAsVerb(view, before)) return undefined;
  const verb = w === 'across' ? before - 1 : before;
  const subject = quickSubject(view, verb);
  return subject && { ...subject, relation: 'complement', comodifiers: [] };
}

function isAsVerb(view: SentenceView, i: number): boolean {
  const w = view.word(i);
  if (w === 'across') return /^(?:come|comes|came|coming)$/.test(view.word(i - 1));
  return AS_VERBS.has(w) && (/(?:ed|s|en|saw)$/.test(w) || BASE_AS_VERBS.has(w)) && !view.isNoun(i);
}

/** Adverbs and auxiliaries between a subject and its verb, or a verb and its complement. */
function isSkippable(view: SentenceView, i: number): boolean {
  const w = view.word(i);
  if (view.isNoun(i) || w === 'as') return false;
  if (ADVERB_WORDS.has(w) || AUXILIARIES.has(w) || LINKING.has(w)) return true;
  // 'verbally', 'increasingly': a lower-case -ly word is an adverb unless it is one of the -ly adjectives.
  return /^\p{Ll}{3,}ly$/u.test(view.tokens[i].text) && !LY_ADJECTIVES.has(w);
}

/** '(10)' after a name: 'Kai (10) was loud'. */
function isBracketedAge(view: SentenceView, i: number): boolean {
  return i > 0 && /^\d{1,2}$/.test(view.word(i)) && view.gapBefore(i).includes('(') && /^\)/.test(view.gapBefore(i + 1) || ')');
}

/** A capitalised word: with an age after it, a person's name. */
function isNamed(view: SentenceView, i: number): boolean {
  return i >= 0 && /^\p{Lu}\p{Ll}/u.test(view.tokens[i].text) && !view.isFunctionWord(i);
}

function isPossibleAdjective(view: SentenceView, i: number): boolean {
  return !view.isNoun(i) && !view.isFunctionWord(i) && !view.isPronoun(i) && !view.isNumber(i) && !/'s$/.test(view.word(i)) && /^\p{Ll}/u.test(view.tokens[i].text);
}

/** A lower-case word the lexicons do not know as a noun, which may be the verb of 'He spoke aggressively'. */
function isPossibleVerb(view: SentenceView, i: number): boolean {
  return isPossibleAdjective(view, i) && !/ly$/.test(view.word(i));
}

/**
 * The noun phrase ending at `end` when it is one the lexicon decides and nothing before it could make it part of
 * a larger phrase: 'Ms Price', 'the perpetrator', "Kofi's mother", 'the young person', 'Dad'. A noun inside a
 * prepositional phrase ('the cupboard under the stairs') gives the head before the preposition.
 */
function nounPhrase(view: SentenceView, end: number, antecedent: boolean, depth = 0): Subject | undefined {
  if (end < 0 || /'s$|s'$/.test(view.word(end))) return undefined;
  // A titled name is a person wherever it stands: 'At school Ms Price was …', 'Mr A has been …'.
  if (isTitledName(view.tokens, end)) return { kind: 'person', head: view.tokens[end] };
  if (view.isFunctionWord(end) || view.isNumber(end)) return undefined;
  const kind = classifyWord(view.tokens[end], undefined, view.lexicon);
  if (kind === 'unknown' || kind === 'none') return undefined;
  const k = phraseStartBefore(view, end);
  if (antecedent || opensClause(view, k, k + 1) || isLeadingPhrase(view, k)) return { kind, head: view.tokens[end] };
  // 'The cupboard under the stairs is …': the head is the noun before the preposition.
  const w = view.word(k);
  if (depth === 0 && k > 0 && PREPOSITIONS.has(w) && !SUBORDINATORS.has(w) && !/[^\s]/.test(view.gapBefore(k)) && view.isNoun(k - 1)) {
    return nounPhrase(view, k - 1, false, depth + 1);
  }
  return undefined;
}

/** Index of the token before the noun phrase ending at `end`: skips determiners, modifiers and possessors ("Ms Doyle's"). */
function phraseStartBefore(view: SentenceView, end: number): number {
  const joined = (k: number) => !/[^\s]/.test(view.gapBefore(k + 1));
  const lowerHead = /^\p{Ll}/u.test(view.tokens[end].text);
  let k = end - 1;
  // 'Ms Leanne Fraser': the title and first names before a surname.
  if (!lowerHead) while (k >= 0 && joined(k) && (TITLES.has(view.word(k)) || /^\p{Lu}/u.test(view.tokens[k].text)) && !DETERMINERS.has(view.word(k))) k--;
  while (k >= 0 && joined(k)) {
    const w = view.word(k);
    // 'the care home', 'his agency shifts': a known noun before a common noun is a compound modifier.
    if (DETERMINERS.has(w) || NOUN_MODIFIERS.has(w) || (lowerHead && view.isNoun(k) && /^\p{Ll}/u.test(view.tokens[k].text))) k--;
    else if (/'s$|s'$/.test(w)) {
      k--;
      while (k >= 0 && joined(k) && (TITLES.has(view.word(k)) || /^\p{Lu}/u.test(view.tokens[k].text))) k--;
    } else break;
  }
  return k;
}

function clauseOpens(view: SentenceView, i: number): boolean {
  return opensClause(view, i - 1, i);
}

/** Is the token at `before` (or the sentence start) a clause boundary for the phrase starting at `start`? */
function opensClause(view: SentenceView, before: number, start: number): boolean {
  if (before < 0) return true;
  if (/[,;:.!?()\u2014\u2013]/.test(view.gapBefore(start))) return true;
  const w = view.word(before);
  if (PREPOSITIONS.has(w) && !SUBORDINATORS.has(w)) return false;
  if (['me', 'us', 'him', 'her', 'them'].includes(w) && view.word(before - 1) === 'told') return true;
  return CONJUNCTIONS.has(w) || SUBORDINATORS.has(w) || REPORTING.has(w);
}

/** 'At school Malik …', 'At the last session she …': a short opening prepositional phrase of known words. */
function isLeadingPhrase(view: SentenceView, k: number): boolean {
  if (k < 0 || k > 4 || !PREPOSITIONS.has(view.word(0)) || SUBORDINATORS.has(view.word(0))) return false;
  for (let i = 1; i <= k; i++) {
    if (/[^\s]/.test(view.gapBefore(i)) || !(DETERMINERS.has(view.word(i)) || NOUN_MODIFIERS.has(view.word(i)) || view.isNoun(i) || view.isNumber(i))) return false;
  }
  return /^\p{Lu}/u.test(view.tokens[k + 1].text) && !/^\p{Lu}/u.test(view.tokens[k].text);
}

/**
 * Nothing after the label could be the noun it modifies (the full analysis would find no attributive head).
 * After a comma or 'and' only an adjective continues the phrase, and a known noun there ends it.
 */
function endsPhrase(view: SentenceView, last: number): boolean {
  let continued = false;
  for (let j = last + 1; j < view.tokens.length; j++) {
    const gap = view.gapBefore(j);
    if (HARD_PUNCTUATION.test(gap)) return true;
    const w = view.word(j);
    const separated = gap.includes(',') || continued;
    if (CONJUNCTIONS.has(w)) {
      // ', and …' ends the phrase; a bare 'and' may join another adjective.
      if (gap.includes(',')) return true;
      continued = true;
      continue;
    }
    if (isClosedClass(view, j)) return true;
    if (view.isNoun(j)) return separated;
    // An unknown word right after the label may be the noun it modifies; after a comma or 'and', an adjective.
    if (!separated || !isPossibleAdjective(view, j)) return false;
    continued = false;
    const next = j + 1;
    if (next < view.tokens.length && !/[,;:.!?()[\]{}\u2014\u2013]/.test(view.gapBefore(next)) && !isClosedClass(view, next) && !CONJUNCTIONS.has(view.word(next))) return false;
  }
  return true;
}

/** Prepositions, subordinators, determiners, pronouns, auxiliaries: words that never head a noun phrase. */
function isClosedClass(view: SentenceView, i: number): boolean {
  const w = view.word(i);
  return AFTER_PHRASE.has(w) || DETERMINERS.has(w) || RELATIVES.has(w) || NOMINATIVE.has(w) || w === 'we' || w === 'it' || w === 'there' ||
    AUXILIARIES.has(w) || LINKING.has(w) || CLAUSE_VERBS.has(w);
}
