import type { Document, Sentence, Span, Token } from '../document/types.js';
import { lexiconHits, lookup, SPECIFIC_KINDS, type LexiconHit } from './lexicon.js';
import { followsHonorific } from './person.js';

/**
 * Where a sentence states somebody's origin, for generic-ethnicity's "is a specific origin recorded?" test
 * (001 §2.4). Two sources:
 *   - the lexicon: a country, nationality, people, UK nation, island or ethnic group ("Nigerian", "Sylheti",
 *     "Irish Traveller", "Sikh");
 *   - an origin phrase followed by a proper noun: "born in Kumasi", "came from Mirpur", "of Tigrinya heritage",
 *     "Leeds-born". The regional denylist still applies ("came from Africa" is not specific).
 */
export type OriginStrength = 'specific' | 'weak';

export interface OriginMention {
  span: Span;
  text: string;
  first: number;
  last: number;
  /** 'weak' for the UK as a whole ("British", "born in the UK"): contested on its own. */
  strength: OriginStrength;
  how: 'lexicon' | 'phrase';
}

const PREPOSITIONS = new Set(['from', 'in', 'of', 'to', 'into']);

/** Words after a language name that show it is the language, not the person's origin ("a Polish interpreter"). */
const LANGUAGE_AFTER = new Set([
  'interpreter', 'interpreters', 'interpreting', 'interpretation', 'speaker', 'speakers', 'speaking', 'language',
  'languages', 'lesson', 'lessons', 'class', 'classes', 'translation', 'translator', 'translated', 'dialect', 'version',
  'leaflet', 'leaflets', 'letter', 'letters', 'subtitles', 'script', 'tuition', 'tutor', 'radio', 'tv', 'channel',
  'film', 'films', 'books', 'newspaper', 'words',
]);
const LANGUAGE_BEFORE = new Set(['speaks', 'speak', 'spoke', 'speaking', 'language', 'languages', 'fluent', 'translate', 'translated', 'understands', 'reads', 'writes', 'learning', 'learn', 'learns', 'taught']);
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'with', 'as', 'nor', 'than']);
const LANGUAGE_KINDS = new Set(['demonym', 'people', 'uk-nation', 'island']);

/** "speaks Punjabi", "a Bengali interpreter", "letters in Polish": the word names a language, not an origin. */
function isLanguageUse(sentence: Sentence, hit: LexiconHit): boolean {
  if (!LANGUAGE_KINDS.has(hit.entry.kind)) return false;
  const before = sentence.tokens[hit.first - 1]?.normal;
  const after = sentence.tokens[hit.last + 1];
  if (after && LANGUAGE_AFTER.has(after.normal)) return true;
  if (before && LANGUAGE_BEFORE.has(before)) return true;
  if (before === 'in' || before === 'into') {
    // "in Polish" is the language; "in Somali culture" is about the people.
    return !after || CONJUNCTIONS.has(after.normal) || /^\p{Lu}/u.test(after.text);
  }
  return false;
}

/** "Maya (9)", "Roma (4 months)": a name followed by an age in brackets. */
function followedByAge(sentence: Sentence, source: string, hit: LexiconHit): boolean {
  const next = sentence.tokens[hit.last + 1];
  return next !== undefined && /^\d/.test(next.text) && /^\s*\(\s*$/.test(source.slice(hit.span.end, next.span.start));
}

function lexiconOrigin(sentence: Sentence, source: string, hit: LexiconHit): OriginStrength | undefined {
  const { entry } = hit;
  if (entry.kind === 'weak') return 'weak';
  if (!SPECIFIC_KINDS.has(entry.kind)) return undefined;
  if (followsHonorific(sentence, hit.first) || followedByAge(sentence, source, hit)) return undefined; // Mr English, Mrs French, Maya (9)
  if (entry.needsPreposition && !PREPOSITIONS.has(sentence.tokens[hit.first - 1]?.normal ?? '')) return undefined;
  if (isLanguageUse(sentence, hit)) return undefined;
  return 'specific';
}

// ---- origin phrases ------------------------------------------------------------------------------------------

/** Verbs after which "from X" states where somebody comes from. */
const FROM_VERBS = new Set([
  'come', 'comes', 'came', 'coming', 'moved', 'move', 'moves', 'migrated', 'emigrated', 'immigrated', 'arrived', 'fled',
  'escaped', 'originally', 'originate', 'originates', 'originated', 'hail', 'hails', 'hailed', 'relocated', 'is', 'are',
  'was', 'were', "'s", 'descended', 'descends',
]);
const MOVEMENT_VERBS = new Set(['came', 'come', 'comes', 'moved', 'moves', 'migrated', 'emigrated', 'immigrated', 'arrived', 'fled', 'escaped', 'relocated']);
/** People of whom "X from Y" states an origin ("a family from Sylhet"; not "a worker from Lewisham"). */
const KIN_NOUNS = new Set([
  'family', 'families', 'parents', 'parent', 'mother', 'father', 'mum', 'dad', 'grandparents', 'grandmother',
  'grandfather', 'man', 'woman', 'boy', 'girl', 'people', 'couple', 'household', 'relatives', 'ancestors', 'refugee',
  'refugees', 'migrant', 'migrants', 'immigrant', 'immigrants',
]);
/** "born in X", "raised in X", "grew up in X", "brought up in X". */
const IN_VERBS = new Set(['born', 'raised', 'up', 'grown']);
/** "of Tigrayan heritage", "Hazara background". */
const HERITAGE_NOUNS = new Set(['heritage', 'descent', 'origin', 'origins', 'ancestry', 'roots', 'extraction', 'parentage', 'background', 'nationality']);
/** Capitalised words that cannot be an origin place (days, months, festivals, the record's own words). */
const NOT_PLACES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'easter', 'ramadan',
  'eid', 'diwali', 'i', 'white', 'black', 'brown', 'mixed', 'other', 'dual', 'multiple', 'any', 'ethnic', 'minority',
  'cultural', 'religious', 'racial', 'family', 'mr', 'mrs', 'ms', 'miss', 'dr', 'mx', 'he', 'she', 'they', 'we',
  'his', 'her', 'their', 'this', 'that', 'a', 'an', 'the',
]);
/** A proper noun followed by one of these is an organisation or an address, not a place of origin. */
const ORGANISATION_WORDS = new Set([
  'school', 'primary', 'academy', 'college', 'university', 'council', 'hospital', 'trust', 'service', 'services', 'team',
  'centre', 'center', 'police', 'housing', 'church', 'mosque', 'temple', 'gurdwara', 'synagogue', 'ltd', 'group',
  'association', 'project', 'network', 'partnership', 'unit', 'office', 'department', 'surgery', 'practice', 'clinic',
  'nursery', 'hub', 'society', 'foundation', 'charity', 'agency', 'care', 'home', 'court', 'health', 'road', 'street',
  'estate', 'ward', 'house', 'lodge', 'hotel', 'station', 'prison', 'camp', 'avenue', 'lane', 'close', 'drive',
]);
/** Form fields whose value is an origin. */
const FIELD_NAMES = new Set(['birth', 'origin', 'nationality', 'birthplace', 'citizenship', 'heritage']);
const LINKS = new Set(['and', 'of', 'upon', 'on', 'de', 'la', 'el', 'al', 'es', 'du', 'da', 'do']);
const REGIONAL_PLACE_KINDS = new Set(['regional', 'regional-place']);

const isCap = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);

/** The proper noun starting at `start` (skipping "the"): [first, last] token indices, or undefined. */
function properNounAt(sentence: Sentence, source: string, start: number): [number, number] | undefined {
  let i = start;
  if (sentence.tokens[i]?.normal === 'the') i++;
  const first = sentence.tokens[i];
  if (!isCap(first) || NOT_PLACES.has(first.normal)) return undefined;
  const joined = (k: number) => k < sentence.tokens.length && /^\s+$/.test(source.slice(sentence.tokens[k - 1].span.end, sentence.tokens[k].span.start));
  let last = i;
  while (true) {
    const next = sentence.tokens[last + 1];
    if (isCap(next) && joined(last + 1)) last++;
    else if (next && LINKS.has(next.normal) && isCap(sentence.tokens[last + 2]) && joined(last + 1) && joined(last + 2)) last += 2;
    else break;
  }
  for (let k = i; k <= last + 1 && k < sentence.tokens.length; k++) if (ORGANISATION_WORDS.has(sentence.tokens[k].normal)) return undefined;
  return [i, last];
}

/** How strong an origin the place at [first, last] is: regional places ("Africa") are not origins at all. */
function placeStrength(text: string): OriginStrength | undefined {
  const entry = lookup(text) ?? lookup(`the ${text}`);
  if (entry && (REGIONAL_PLACE_KINDS.has(entry.kind) || entry.kind === 'religion')) return undefined;
  return entry?.kind === 'weak' || entry?.kind === 'uk-place' ? 'weak' : 'specific';
}

/** Origin phrases whose place the lexicon does not know ("born in Kumasi"); the lexicon decides words it knows. */
function phraseOrigins(sentence: Sentence, source: string, known: LexiconHit[]): OriginMention[] {
  const out: OriginMention[] = [];
  const tokens = sentence.tokens;
  // UK places are left to the phrases: "born in Leeds" is weak, "lives in Leeds" is nothing.
  const covered = (i: number) => known.some((h) => h.first <= i && i <= h.last && h.entry.kind !== 'uk-place');
  const push = (range: [number, number] | undefined, span?: Span) => {
    if (!range || covered(range[0])) return;
    const where = span ?? { start: tokens[range[0]].span.start, end: tokens[range[1]].span.end };
    const text = source.slice(where.start, where.end);
    const strength = placeStrength(text);
    if (strength) out.push({ span: where, text, first: range[0], last: range[1], strength, how: 'phrase' });
  };
  // "came to Leeds from Kumasi", "moved here from Poland"
  const movedEarlier = (i: number) => tokens.slice(Math.max(0, i - 5), i - 1).some((t) => MOVEMENT_VERBS.has(t.normal));
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1]?.normal;
    // "came from Mirpur", "is originally from Kumasi", "a family from Sylhet"
    if (t.normal === 'from' && previous && (FROM_VERBS.has(previous) || KIN_NOUNS.has(previous) || movedEarlier(i))) push(properNounAt(sentence, source, i + 1));
    // "born in Lagos", "grew up in Galway", "born and raised in Accra"
    if (t.normal === 'in' && previous && IN_VERBS.has(previous)) push(properNounAt(sentence, source, i + 1));
    // "of Tigrinya heritage", "Hazara background"
    const before = tokens[i - 1];
    if (HERITAGE_NOUNS.has(t.normal) && isCap(before) && !NOT_PLACES.has(before.normal) && !followsHonorific(sentence, i - 1)) push([i - 1, i - 1]);
    // "Country of birth: Lagos", "Nationality: Eritrean", "Place of origin - Sylhet"
    const next = tokens[i + 1];
    if (FIELD_NAMES.has(t.normal) && !['ethnic', 'racial'].includes(previous ?? '') && next && /^\s*[:–—-]\s*$/.test(source.slice(t.span.end, next.span.start))) push(properNounAt(sentence, source, i + 1));
    // "Leeds-born"
    const [place, born] = t.parts;
    if (t.parts.length === 2 && born.normal === 'born' && isCap(t) && !NOT_PLACES.has(place.normal)) push([i, i], place.span);
  });
  return out;
}

const mentionCache = new WeakMap<Sentence, OriginMention[]>();

/** Every origin stated in a sentence, lexicon words and origin phrases, in text order. */
export function originMentions(doc: Document, sentence: Sentence): OriginMention[] {
  const held = mentionCache.get(sentence);
  if (held) return held;
  const out: OriginMention[] = [];
  const hits = lexiconHits(sentence, doc.text);
  for (const hit of hits) {
    const strength = lexiconOrigin(sentence, doc.text, hit);
    if (strength) out.push({ span: hit.span, text: hit.text, first: hit.first, last: hit.last, strength, how: 'lexicon' });
  }
  out.push(...phraseOrigins(sentence, doc.text, hits));
  out.sort((a, b) => a.span.start - b.span.start);
  mentionCache.set(sentence, out);
  return out;
}

/**
 * Is this phrase on its own a specific origin? "Nigerian", "Sylheti", "Irish Traveller", "Sikh" → true;
 * "African", "South Asian", "British", "Muslim" → false.
 */
export function isSpecificOrigin(phrase: string): boolean {
  const entry = lookup(phrase);
  return entry !== undefined && SPECIFIC_KINDS.has(entry.kind);
}
