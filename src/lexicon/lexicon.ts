import type { Sentence, Span } from '../document/types.js';
import { readGeneratedLexicon } from './data.js';
import { phraseKey, type LexiconEntry, type LexiconKind } from './entry.js';

export { SPECIFIC_KINDS, type LexiconEntry, type LexiconKind } from './entry.js';

/**
 * One word list of places, nationalities, peoples, regions and religions (kinds: see entry.ts), matched over a
 * sentence's tokens (hyphenated words split, case ignored except for words written in capitals), as the rules'
 * terms.yml are. The linter reads the precomputed data/lexicon/compiled.json (built from the YAML lists and the
 * country packages by sources.ts) and indexes a phrase only when a sentence holds its first word: the stereotype
 * rule looks words up in every sentence, so the lexicon's first use must be cheap.
 */

type CompiledRow = [name: string, kind: LexiconKind, ...flags: ('plural' | 'capitalOnly' | 'needsPreposition')[]];

let entries: LexiconEntry[] | undefined;

/** Every phrase of the lexicon, for tests and for rules that need trigger words. */
export function lexiconEntries(): LexiconEntry[] {
  if (entries) return entries;
  const rows = readGeneratedLexicon<{ entries: CompiledRow[] }>('compiled.json').entries;
  entries = rows.map(([name, kind, ...flags]) => ({
    name,
    kind,
    plural: flags.includes('plural'),
    capitalOnly: flags.includes('capitalOnly'),
    needsPreposition: flags.includes('needsPreposition'),
  }));
  return entries;
}

/** One word of a lexicon phrase. Words written in capitals ("UK", "DRC") match only in capitals, as in terms.yml. */
interface PhraseWord {
  text: string;
  exactCase: boolean;
}
interface IndexedPhrase {
  entry: LexiconEntry;
  words: PhraseWord[];
}

const isAllCaps = (w: string) => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);

/** "Trinidad and Tobago" → trinidad, and, tobago; "Guinea-Bissau" → guinea, bissau (hyphens split, as tokens' parts do). */
function phraseWords(name: string): PhraseWord[] {
  return name
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
    .map((w) => (isAllCaps(w) ? { text: w, exactCase: true } : { text: w.toLowerCase().replace(/\u2019/g, "'"), exactCase: false }));
}

/**
 * The lexicon's phrases by first word. Lexicon names are plain words (no terms.yml pattern syntax), so a bucket
 * per first word is all a match needs; a bucket's phrases are split into words only when a sentence first holds
 * that word.
 */
class PhraseIndex {
  private readonly byFirstWord = new Map<string, LexiconEntry[]>();
  private readonly compiledBuckets = new Map<string, IndexedPhrase[]>();

  constructor(entries: LexiconEntry[]) {
    for (const entry of entries) {
      const key = firstWordKey(entry.name);
      const bucket = this.byFirstWord.get(key);
      if (bucket) bucket.push(entry);
      else this.byFirstWord.set(key, [entry]);
    }
  }

  private phrasesStartingWith(word: string): IndexedPhrase[] | undefined {
    const held = this.compiledBuckets.get(word);
    if (held) return held;
    const bucket = this.byFirstWord.get(word);
    if (!bucket) return undefined;
    const phrases = bucket.map((entry) => ({ entry, words: phraseWords(entry.name) }));
    this.compiledBuckets.set(word, phrases);
    return phrases;
  }

  /** Longest phrase at each position, left to right, without overlaps; phrase words must be adjacent. */
  matchSentence(sentence: Sentence, source: string): Omit<LexiconHit, 'text'>[] {
    const atoms = sentence.tokens.flatMap((token) => token.parts.map((part) => ({ ...part, token: token.index })));
    const hits: Omit<LexiconHit, 'text'>[] = [];
    for (let i = 0; i < atoms.length; ) {
      let best: IndexedPhrase | undefined;
      for (const phrase of this.phrasesStartingWith(atoms[i].normal) ?? []) {
        if ((!best || phrase.words.length > best.words.length) && matchesAt(phrase.words, atoms, i, source)) best = phrase;
      }
      if (!best) {
        i++;
        continue;
      }
      const last = atoms[i + best.words.length - 1];
      hits.push({ entry: best.entry, span: { start: atoms[i].span.start, end: last.span.end }, first: atoms[i].token, last: last.token });
      i += best.words.length;
    }
    return hits;
  }
}

/** The bucket key of a name: its first word in lower case, as a token's first part is normalised. */
function firstWordKey(name: string): string {
  const end = name.search(/[\s\-\u2010\u2011]/);
  return (end < 0 ? name : name.slice(0, end)).toLowerCase().replace(/\u2019/g, "'");
}

function matchesAt(words: PhraseWord[], atoms: { span: Span; normal: string }[], at: number, source: string): boolean {
  if (at + words.length > atoms.length) return false;
  return words.every((word, k) => {
    const atom = atoms[at + k];
    const candidate = word.exactCase ? source.slice(atom.span.start, atom.span.end) : atom.normal;
    if (candidate !== word.text) return false;
    // A comma or full stop between two words breaks the phrase.
    return k === 0 || /^[\s\-\u2010\u2011]*$/.test(source.slice(atoms[at + k - 1].span.end, atom.span.start));
  });
}

let entriesByKey: Map<string, LexiconEntry> | undefined;
let index: PhraseIndex | undefined;

/** Phrase → entry: all that lookup() needs. */
function entriesByPhrase(): Map<string, LexiconEntry> {
  return (entriesByKey ??= new Map(lexiconEntries().map((e) => [phraseKey(e.name), e])));
}

/** The entry for a phrase exactly as a record might write it ("Irish Traveller", "south asian"), if any. */
export function lookup(phrase: string): LexiconEntry | undefined {
  return entriesByPhrase().get(phraseKey(phrase));
}

export interface LexiconHit {
  entry: LexiconEntry;
  span: Span;
  text: string;
  /** First and last token index in the sentence. */
  first: number;
  last: number;
}

const cache = new WeakMap<Sentence, LexiconHit[]>();

const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * Lexicon phrases in a sentence, longest first, without overlaps. Capitalisation rules for ambiguous words are
 * applied here; context rules (prepositions, languages, names) are the caller's business.
 */
export function lexiconHits(sentence: Sentence, source: string): LexiconHit[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const hits: LexiconHit[] = [];
  index ??= new PhraseIndex(lexiconEntries());
  for (const h of index.matchSentence(sentence, source)) {
    const text = source.slice(h.span.start, h.span.end);
    if (h.entry.capitalOnly && !isUpper(text[0])) continue;
    hits.push({ ...h, text });
  }
  cache.set(sentence, hits);
  return hits;
}
