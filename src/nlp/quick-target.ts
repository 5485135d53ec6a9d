import type { Sentence } from '../document/types.js';
import {
  AS_VERBS,
  AUXILIARIES,
  ADVERB_WORDS,
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
  compileLexicon,
  isTitledName,
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
 * Every answer given here must be the one `findTarget` would give; anything that needs a tag to decide (an
 * unknown word, a possible noun after the label, a prepositional phrase inside the subject) returns undefined.
 */
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

export function quickTarget(sentence: Sentence, source: string, first: number, last: number, lexicon: CompiledLexicon = compileLexicon()): Target | undefined {
  const view = new SentenceView(sentence, NO_TAGS, source, lexicon);
  if (/ly$/.test(view.word(last))) return undefined;
  const attributive = attributiveNoun(view, last);
  if (attributive) return attributive;
  if (!endsPhrase(view, last)) return undefined;
  for (let j = first - 1; j >= 0; j--) {
    if (HARD_PUNCTUATION.test(view.gapBefore(j + 1)) || view.gapBefore(j + 1).includes(',')) return undefined;
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

/** The subject of the verb at token `verb` when the words alone decide it ('Families who fail to engage …'). */
export function quickVerbSubject(sentence: Sentence, source: string, verb: number, lexicon: CompiledLexicon = compileLexicon()): Target | undefined {
  const subject = quickSubject(new SentenceView(sentence, NO_TAGS, source, lexicon), verb);
  return subject && { ...subject, relation: 'predicative', comodifiers: [] };
}

/**
 * The subject of the verb at `verb` ('failed' in 'Mr Obi failed to engage'), or undefined when only the tagger
 * could tell. Skips auxiliaries and adverbs; resolves 'who' to a person noun right before it.
 */
function quickSubject(view: SentenceView, verb: number): Omit<Target, 'relation' | 'comodifiers'> | undefined {
  let j = verb - 1;
  while (j >= 0 && !HARD_PUNCTUATION.test(view.gapBefore(j + 1)) && isSkippable(view, j)) j--;
  if (j < 0) return { kind: 'none', elided: true };
  if (isBracketedAge(view, j)) return isNamed(view, j - 1) ? { kind: 'person', head: view.tokens[j - 1] } : undefined;
  if (HARD_PUNCTUATION.test(view.gapBefore(j + 1)) || view.gapBefore(j + 1).includes(',')) return undefined;
  const w = view.word(j);
  if (w === 'who' && j > 0) {
    const antecedent = nounPhrase(view, j - 1, true);
    return antecedent?.kind === 'person' ? antecedent : undefined;
  }
  if (NOMINATIVE.has(w)) return { kind: 'person', head: view.tokens[j] };
  if (w === 'we') return { kind: 'service', head: view.tokens[j] };
  if (w === 'it' && clauseOpens(view, j)) return { kind: 'thing', head: view.tokens[j] };
  return nounPhrase(view, j, false);
}

/** '(10)' after a name: 'Kai (10) was loud'. */
function isBracketedAge(view: SentenceView, i: number): boolean {
  return i > 0 && view.isNumber(i) && view.gapBefore(i).includes('(') && /^\)/.test(view.gapBefore(i + 1) || ')') && /^\d{1,2}$/.test(view.word(i));
}

/** A capitalised word: with an age after it, a person's name. */
function isNamed(view: SentenceView, i: number): boolean {
  return i >= 0 && /^\p{Lu}\p{Ll}/u.test(view.tokens[i].text) && !view.isFunctionWord(i);
}

function isPossibleAdjective(view: SentenceView, i: number): boolean {
  return !view.isNoun(i) && !view.isFunctionWord(i) && !view.isPronoun(i) && !view.isNumber(i) && !/'s$/.test(view.word(i)) && /^\p{Ll}/u.test(view.tokens[i].text);
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

/** Base forms of 'as' verbs that are not also common nouns ('report', 'view', 'record' are). */
const BASE_AS_VERBS = new Set(['describe', 'see', 'regard', 'perceive', 'portray', 'depict', 'characterise', 'characterize', 'identify', 'assess']);

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

const LY_ADJECTIVES = new Set(['family', 'daily', 'weekly', 'monthly', 'early', 'friendly', 'unfriendly', 'elderly', 'lonely', 'lovely', 'silly',
  'ugly', 'holy', 'jolly', 'bully', 'ally', 'rally', 'supply', 'reply', 'apply', 'belly', 'jelly', 'curly', 'surly', 'burly', 'costly', 'deadly',
  'lively', 'orderly', 'disorderly', 'unruly', 'timely', 'untimely', 'unlikely', 'likely', 'kindly', 'cowardly', 'manly', 'motherly', 'fatherly',
  'sickly', 'smelly', 'wobbly', 'chilly', 'hilly', 'woolly', 'bubbly', 'cuddly', 'poorly', 'only']);

/**
 * The noun phrase ending at `end` when it is one the lexicon decides and nothing before it could make it part of
 * a larger phrase: 'Ms Price', 'the perpetrator', "Kofi's mother", 'the young person', 'Dad'. Undefined for
 * unknown words and for a noun inside a prepositional phrase ('the partner at the house').
 */
function nounPhrase(view: SentenceView, end: number, antecedent: boolean): Omit<Target, 'relation' | 'comodifiers'> | undefined {
  if (end < 0 || /'s$|s'$/.test(view.word(end))) return undefined;
  // A titled name is a person wherever it stands: 'At school Ms Price was …', 'Mr A has been …'.
  if (isTitledName(view.tokens, end)) return { kind: 'person', head: view.tokens[end] };
  if (view.isFunctionWord(end) || view.isNumber(end)) return undefined;
  const kind = classifyWord(view.tokens[end], undefined, view.lexicon);
  if (kind === 'unknown' || kind === 'none') return undefined;
  const k = phraseStartBefore(view, end);
  if (!antecedent && !opensClause(view, k, k + 1)) return undefined;
  return { kind, head: view.tokens[end] };
}

/** Index of the token before the noun phrase ending at `end`: skips determiners, modifiers and possessors ("Ms Doyle's"). */
function phraseStartBefore(view: SentenceView, end: number): number {
  const joined = (k: number) => !/[^\s]/.test(view.gapBefore(k + 1));
  let k = end - 1;
  while (k >= 0 && joined(k)) {
    const w = view.word(k);
    if (DETERMINERS.has(w) || NOUN_MODIFIERS.has(w)) k--;
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

/** The label ends its phrase: nothing follows that could be the noun it modifies. */
function endsPhrase(view: SentenceView, last: number): boolean {
  const next = last + 1;
  if (next >= view.tokens.length) return true;
  const gap = view.gapBefore(next);
  const w = view.word(next);
  if (HARD_PUNCTUATION.test(gap)) return true;
  if (gap.includes(',')) return opensNewPart(view, next) || /ing$/.test(w);
  if (CONJUNCTIONS.has(w)) {
    // 'hostile and evasive when asked', 'loud and he left', 'angry and said …'.
    const after = next + 1;
    if (after >= view.tokens.length || opensNewPart(view, after) || CLAUSE_VERBS.has(view.word(after))) return true;
    return isPossibleAdjective(view, after) && endsPhraseWithoutConjunction(view, after);
  }
  return PREPOSITIONS.has(w) || SUBORDINATORS.has(w);
}

function endsPhraseWithoutConjunction(view: SentenceView, last: number): boolean {
  const next = last + 1;
  if (next >= view.tokens.length || HARD_PUNCTUATION.test(view.gapBefore(next))) return true;
  const w = view.word(next);
  return (PREPOSITIONS.has(w) || SUBORDINATORS.has(w) || (view.gapBefore(next).includes(',') && opensNewPart(view, next))) && !CONJUNCTIONS.has(w);
}

/** A word that starts a new clause or phrase, never a noun the label could modify. */
function opensNewPart(view: SentenceView, i: number): boolean {
  const w = view.word(i);
  return NOMINATIVE.has(w) || w === 'we' || w === 'it' || DETERMINERS.has(w) || RELATIVES.has(w) || CONJUNCTIONS.has(w) || SUBORDINATORS.has(w) || PREPOSITIONS.has(w) || w === 'there' || w === 'then';
}
