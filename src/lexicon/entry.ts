/**
 * Kinds that count as a specific origin (001 §2.4): country, demonym, uk-nation, island, people, city-demonym,
 * ethnic-religion. `weak` (British, UK, Londoner) is an origin too broad to count alone; `uk-place` (Leeds,
 * Croydon) is weak only in an origin phrase ("born in Leeds") and nothing where somebody merely lives;
 * `regional` and `regional-place` (African, the Caribbean) never count; `religion` is a group, not an origin.
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
  | 'uk-place'
  | 'regional'
  | 'regional-place'
  | 'religion';

export interface LexiconEntry {
  /** The phrase as the data spells it, e.g. "Irish Traveller". */
  name: string;
  kind: LexiconKind;
  /** A plural form ("Nigerians", "Muslims"): a group of people rather than one person's origin. */
  plural: boolean;
  /** Must be capitalised to count: "Polish" but not "polish the floor". */
  capitalOnly: boolean;
  /** Counts only after a preposition: "from Jordan", not "Jordan is Black". */
  needsPreposition: boolean;
}

export const SPECIFIC_KINDS: ReadonlySet<LexiconKind> = new Set(['country', 'demonym', 'uk-nation', 'island', 'people', 'city-demonym', 'ethnic-religion']);

/** "South-East  Asian" → "south east asian": the key under which a phrase is looked up. */
export const phraseKey = (phrase: string): string => phrase.toLowerCase().replace(/[-\u2010\u2011]/g, ' ').replace(/\s+/g, ' ').trim();
