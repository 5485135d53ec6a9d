import type { Document, Sentence, Span } from '../document/types.js';
import { lexiconHits, SPECIFIC_KINDS, type LexiconEntry, type LexiconHit } from './lexicon.js';
import { followsHonorific } from './person.js';

/**
 * GROUP words for the stereotype rule: any ethnicity, nationality, demonym, people, religion or regional label,
 * and the broad colour categories ("Somali", "Muslim", "Eastern European", "Black", "White British").
 */
export type GroupKind = 'origin' | 'religion' | 'regional' | 'british' | 'colour' | 'traveller';

export interface GroupWord {
  span: Span;
  text: string;
  first: number;
  last: number;
  kind: GroupKind;
  /** Written as a plural noun ("Nigerians", "Muslims", "Travellers"). */
  plural: boolean;
}

/** Broad categories that are group words though not in the origin lexicon. */
const COLOURS = new Set(['black', 'white', 'brown']);
/** Traveller words → written as a plural noun. */
const TRAVELLER_WORDS: Record<string, boolean> = { gypsy: false, gypsies: true, traveller: false, travellers: true, grt: false };

function kindOf(entry: LexiconEntry): GroupKind | undefined {
  const { kind } = entry;
  if (kind === 'religion' || kind === 'ethnic-religion') return 'religion';
  if (kind === 'regional') return 'regional';
  if (kind === 'weak') return entry.name.startsWith('Brit') ? 'british' : undefined;
  if (SPECIFIC_KINDS.has(kind) && kind !== 'country') return 'origin';
  return undefined;
}

/**
 * What groupWordAt can recognise, for trigger declarations (the stereotype rule's pre-scan): the lexicon
 * entries that are groups, and the words outside the lexicon, each with whether it is a plural noun.
 */
export const groupVocabulary = {
  isGroupEntry: (entry: LexiconEntry): boolean => kindOf(entry) !== undefined,
  colours: [...COLOURS] as readonly string[],
  travellerWords: Object.entries(TRAVELLER_WORDS).map(([word, plural]) => ({ word, plural })) as readonly { word: string; plural: boolean }[],
};

function groupHitAt(doc: Document, sentence: Sentence, index: number): (GroupWord & { hit: LexiconHit }) | undefined {
  const hit = lexiconHits(sentence, doc.text).find((h) => h.first === index);
  if (!hit || followsHonorific(sentence, index)) return undefined;
  // A lexicon phrase inside a hyphenated word ("anti-Muslim", "Polish-speaking") is not the group itself.
  const token = sentence.tokens[index];
  if (hit.span.start !== token.span.start || hit.span.end !== sentence.tokens[hit.last].span.end) return undefined;
  const kind = kindOf(hit.entry);
  return kind ? { hit, span: hit.span, text: hit.text, first: hit.first, last: hit.last, kind, plural: hit.entry.plural } : undefined;
}

/**
 * The group word starting at token `index`, if there is one: "Somali", "Eastern European", "Black Caribbean",
 * "Muslims", "Travellers".
 */
export function groupWordAt(doc: Document, sentence: Sentence, index: number): GroupWord | undefined {
  const token = sentence.tokens[index];
  if (!token) return undefined;
  if (COLOURS.has(token.normal) && token.parts.length === 1 && !followsHonorific(sentence, index)) {
    // "Black", "Black African", "White British"
    const next = groupHitAt(doc, sentence, index + 1);
    const last = next ? next.last : index;
    const span = { start: token.span.start, end: sentence.tokens[last].span.end };
    return { span, text: doc.text.slice(span.start, span.end), first: index, last, kind: 'colour', plural: next?.plural ?? false };
  }
  if (token.normal in TRAVELLER_WORDS && token.parts.length === 1) {
    return { span: token.span, text: token.text, first: index, last: index, kind: 'traveller', plural: TRAVELLER_WORDS[token.normal] };
  }
  const found = groupHitAt(doc, sentence, index);
  if (!found) return undefined;
  const { hit: _hit, ...group } = found;
  void _hit;
  return group;
}
