import type { Sentence, Span } from '../document/types.js';
import { TermMatcher, type TermEntry } from '../terms/compile.js';
import { countryData } from './countries.js';
import { readLexiconFile, spellings } from './data.js';

/**
 * One compiled word list of places, nationalities, peoples, regions and religions, matched over a sentence's
 * tokens with the same token-sequence matcher the rules' terms.yml use.
 *
 * Kinds that count as a specific origin (001 §2.4): country, demonym, uk-nation, island, people, city-demonym,
 * ethnic-religion. `weak` (British, UK) is an origin too broad to count alone; `regional` and `regional-place`
 * (African, the Caribbean) never count; `religion` is a group, not an origin.
 */
export type LexiconKind =
  | 'country'
  | 'demonym'
  | 'uk-nation'
  | 'island'
  | 'people'
  | 'city-demonym'
  | 'ethnic-religion'
  | 'weak'
  | 'regional'
  | 'regional-place'
  | 'religion';

export interface LexiconEntry extends TermEntry {
  kind: LexiconKind;
  /** The phrase as the data spells it, e.g. "Irish Traveller". */
  name: string;
  /** A plural form ("Nigerians", "Muslims"): a group of people rather than one person's origin. */
  plural: boolean;
  /** Must be capitalised to count: "Polish" but not "polish the floor". */
  capitalOnly: boolean;
  /** Counts only after a preposition: "from Jordan", not "Jordan is Black". */
  needsPreposition: boolean;
}

export const SPECIFIC_KINDS: ReadonlySet<LexiconKind> = new Set(['country', 'demonym', 'uk-nation', 'island', 'people', 'city-demonym', 'ethnic-religion']);

/** When two lists hold the same phrase, the earlier kind wins (a regional label is never made specific). */
const PRIORITY: LexiconKind[] = ['weak', 'regional', 'regional-place', 'ethnic-religion', 'people', 'uk-nation', 'island', 'city-demonym', 'demonym', 'country', 'religion'];

const PLURAL_KINDS: ReadonlySet<LexiconKind> = new Set(['demonym', 'uk-nation', 'island', 'people', 'city-demonym', 'regional']);

interface PeoplesFile {
  ukNations: string[];
  islands: string[];
  peoples: string[];
  cityDemonyms: string[];
  plurals: Record<string, string>;
}
interface RegionalFile {
  adjectives: string[];
  places: string[];
}
interface ReligionsFile {
  religions: { name: string; plural?: string; ethnic?: boolean }[];
}
interface AmbiguousFile {
  needsPreposition: string[];
  capitalOnly: string[];
}

const phraseKey = (phrase: string) => phrase.toLowerCase().replace(/[-\u2010\u2011]/g, ' ').replace(/\s+/g, ' ').trim();

/** "Nigerian" → "Nigerians"; "Chinese", "Polish", "Swiss" have no -s plural. */
function pluralOf(name: string, irregular: Record<string, string>): string | undefined {
  const words = name.split(' ');
  const last = words[words.length - 1];
  const plural = irregular[last] ?? (/(?:ese|ish|ch|sh|s|x|z)$/i.test(last) ? undefined : `${last}s`);
  if (plural === undefined || plural === last) return undefined;
  return [...words.slice(0, -1), plural].join(' ');
}

export interface LexiconName {
  name: string;
  kind: LexiconKind;
  plural: boolean;
}
type Candidate = LexiconName;

let names: LexiconName[] | undefined;

/** Every name of the lexicon with its kind, without compiling the matcher (cheap enough for rule metadata). */
export function lexiconNames(): LexiconName[] {
  return (names ??= candidates());
}

function candidates(): Candidate[] {
  const peoples = readLexiconFile<PeoplesFile>('peoples.yml');
  const regional = readLexiconFile<RegionalFile>('regional.yml');
  const religions = readLexiconFile<ReligionsFile>('religions.yml');
  const countries = countryData();
  const out: Candidate[] = [];
  const add = (names: string[], kind: LexiconKind) => {
    for (const name of names) {
      out.push({ name, kind, plural: false });
      const plural = PLURAL_KINDS.has(kind) ? pluralOf(name, peoples.plurals) : undefined;
      if (plural) out.push({ name: plural, kind, plural: true });
    }
  };
  add(countries.weak, 'weak');
  add(regional.adjectives, 'regional');
  add(regional.places, 'regional-place');
  for (const r of religions.religions) {
    const kind = r.ethnic ? 'ethnic-religion' : 'religion';
    out.push({ name: r.name, kind, plural: false });
    if (r.plural) out.push({ name: r.plural, kind, plural: true });
  }
  add(peoples.peoples.flatMap(spellings), 'people');
  add(peoples.ukNations.flatMap(spellings), 'uk-nation');
  add(peoples.islands.flatMap(spellings), 'island');
  add(peoples.cityDemonyms.flatMap(spellings), 'city-demonym');
  add(countries.demonyms, 'demonym');
  add(countries.names, 'country');
  return out;
}

function buildEntries(): LexiconEntry[] {
  const ambiguous = readLexiconFile<AmbiguousFile>('ambiguous.yml');
  const capitalOnly = new Set(ambiguous.capitalOnly.map(phraseKey));
  const needsPreposition = new Set(ambiguous.needsPreposition.map(phraseKey));
  const byPhrase = new Map<string, Candidate>();
  for (const c of lexiconNames()) {
    const key = phraseKey(c.name);
    const held = byPhrase.get(key);
    if (!held || PRIORITY.indexOf(c.kind) < PRIORITY.indexOf(held.kind)) byPhrase.set(key, c);
  }
  return [...byPhrase.entries()].map(([key, c]) => ({
    id: `${c.kind}:${key}`,
    // Pattern syntax gives meaning to | ? and *; names never contain them, but make sure.
    match: [c.name.replace(/[|?*]/g, '')],
    kind: c.kind,
    name: c.name,
    plural: c.plural,
    capitalOnly: capitalOnly.has(key) || capitalOnly.has(phraseKey(c.name.split(' ')[0])),
    needsPreposition: needsPreposition.has(key),
  }));
}

let matcher: TermMatcher | undefined;
let entriesByKey: Map<string, LexiconEntry> | undefined;

function compiled(): { matcher: TermMatcher; byKey: Map<string, LexiconEntry> } {
  if (!matcher || !entriesByKey) {
    const entries = buildEntries();
    matcher = new TermMatcher(entries, 'data/lexicon');
    entriesByKey = new Map(entries.map((e) => [phraseKey(e.name), e]));
  }
  return { matcher, byKey: entriesByKey };
}

/** Every phrase of the lexicon, for tests and for rules that need trigger words. */
export function lexiconEntries(): LexiconEntry[] {
  return [...compiled().byKey.values()];
}

/** The entry for a phrase exactly as a record might write it ("Irish Traveller", "south asian"), if any. */
export function lookup(phrase: string): LexiconEntry | undefined {
  return compiled().byKey.get(phraseKey(phrase));
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
  for (const h of compiled().matcher.matchSentence(sentence, source)) {
    const entry = h.term as LexiconEntry;
    if (entry.capitalOnly && !isUpper(h.text[0])) continue;
    hits.push({ entry, span: h.span, text: h.text, first: h.first, last: h.last });
  }
  cache.set(sentence, hits);
  return hits;
}
