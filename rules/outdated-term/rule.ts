import type { Document, Sentence, Token } from '../../src/document/types.js';
import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { matchCase, suggestionsFor, termReport } from '../../src/engine/term-report.js';
import { loadTermsBeside, TermMatcher, type TermEntry, type TermHit } from '../../src/terms/compile.js';
import { endsInAppearanceSuffix, gapBetween, PersonDescription, surnamesIn } from '../../src/lexicon/index.js';

/**
 * Slurs and outdated or othering words for people (001 §2.1–2.2; TERMS.md outdated-term). Most of the work is
 * telling the word about people from its other senses: "coloured pencils", "an oriental rug", "cricket whites",
 * "tinker with", "Gypsy" written with its capital. A slur quoted in a record of racist abuse is left alone by the
 * engine's quotation handling (001 §5.12); one recorded unquoted as what somebody was called ("he was called a
 * pikey") is a mention, not the writer's word.
 */

interface OutdatedTerm extends TermEntry {
  /** messageId: 'slur', 'offensive' or (the default) 'outdated'. */
  message?: 'slur' | 'offensive';
  use: 'always' | 'person' | 'people' | 'noun' | 'lower-case' | 'bare-noun';
  heritage?: boolean;
  suggestPeople?: boolean;
}

/** Before the word: it is what somebody was called, or a word being discussed. */
const MENTIONED_BEFORE =
  /\b(?:call(?:s|ed|ing)?|shout(?:s|ed|ing)?(?:\s+at)?|yell(?:s|ed|ing)?|scream(?:s|ed|ing)?|nam(?:e|es|ed)|branded|labell?ed|referred\s+to\s+as|termed|dubbed|(?:slurs?|words?|terms?|names?|insults?|language|abuse)\s*,?\s+(?:such\s+as|like|including)|such\s+as|the\s+(?:word|term|slur|phrase|label|insult))\s*:?\s+(?:(?:him|her|them|me|us|you|it|a|an|the|as|being|his|their)\s+){0,3}(?:[\w'-]+\s*(?:,|and|or)\s*(?:an?\s+|the\s+)?){0,3}$/i;

/** "his whites", "cricket whites", "whites and coloureds" in the wash. */
const LAUNDRY_BEFORE = new Set(['his', 'her', 'their', 'my', 'your', 'our', 'cricket', 'tennis', 'bowls', 'bowling', 'egg', 'eggs', 'chef', "chef's", 'kitchen', 'school', 'football', 'wash', 'the']);
const LAUNDRY = /\b(?:wash\w*|laundry|launder\w*|machine|bleach\w*|tumble|dryer|ironing|clothes|kit|uniform|shirts?|socks|sheets|towels|stain\w*|eyes|yolks?|snooker|pool|colou?reds?\s+and|and\s+colou?reds?)\b/i;
/** "to tinker", "won't tinker", "tinker with": the verb. */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'not', "n't", 'can', 'could', 'might', 'may', 'should', 'must', "don't", "didn't", "won't", 'please', 'i', 'we', 'you', 'they', 'he', 'she', 'just', 'never']);
const VERB_AFTER = new Set(['with', 'around', 'about', 'away', 'at', 'on', 'yard', 'in']);
/** Things, not people, that these words describe: "gypsy moth", "gypsy skirt". */
const THING_AFTER = new Set(['moth', 'moths', 'skirt', 'skirts', 'tart', 'jazz', 'cob', 'cobs', 'cab', 'rose', 'roses', 'dress', 'dresses', 'top', 'tops', 'blouse', 'earrings', 'style', 'music', 'swing', 'kings', 'cream', 'shepherd', 'mountains', 'region', 'languages', 'language']);

const isLower = (text: string) => /^\p{Ll}/u.test(text);

/** After "an illegal": words that show it stands for a person ("an illegal was found", "an illegal who…"). */
const BARE_NOUN_FOLLOWERS = new Set(['was', 'is', 'were', 'are', 'has', 'had', 'who', 'came', 'arrived', 'working', 'living', 'staying', 'sleeping', 'found', 'from', 'in', 'at', 'on', 'with', 'and']);

/** Nouns for people taken together: "the coloured population", "oriental races". */
const COLLECTIVE_PEOPLE = new Set(['population', 'populations', 'races', 'folk', 'stock']);
/** After "of": "of coloured descent", "of oriental appearance". */
const OF_NOUNS = new Set(['origin', 'origins', 'descent', 'heritage', 'background', 'extraction', 'parentage', 'blood', 'appearance', 'race']);
/** Before the word, what makes it a colour: "brightly coloured", "cream coloured", "light coloured". */
const COLOUR_BEFORE = new Set([
  'light', 'dark', 'pale', 'bright', 'pastel', 'cream', 'rainbow', 'multi', 'red', 'blue', 'green', 'yellow', 'orange',
  'purple', 'pink', 'black', 'white', 'brown', 'grey', 'gray', 'gold', 'silver', 'rust', 'flesh', 'skin', 'straw',
  'honey', 'coffee', 'lemon', 'sand', 'plum', 'wine', 'hand', 'vividly', 'brightly', 'richly', 'differently',
  'variously', 'boldly', 'garishly', 'beautifully', 'gaily', 'loudly', 'freshly', 'prettily', 'attractively',
  'nicely', 'uniformly', 'evenly', 'unevenly', 'similarly', 'individually', 'colour', 'color',
]);

class Usage {
  constructor(
    private readonly doc: Document,
    private readonly ctx: RuleContext,
    private readonly hit: TermHit,
  ) {}

  private get tokens(): Token[] {
    return this.hit.sentence.tokens;
  }

  private n(i: number): string {
    return this.tokens[i]?.normal ?? '';
  }

  private sentenceText(): string {
    const s: Sentence = this.hit.sentence;
    return this.doc.text.slice(s.span.start, s.span.end);
  }

  /** Whether the matched word is used about people, by the term's `use`. */
  aboutPeople(): boolean {
    const term = this.hit.term as OutdatedTerm;
    const token = this.tokens[this.hit.first];
    // A word inside a hyphenated compound ("non-coloured", "anti-gypsy") is judged as the compound, not here; but
    // "oriental-looking man" is the word said of a person.
    const tokenEnd = this.tokens[this.hit.last].span.end;
    const appearance = endsInAppearanceSuffix(this.doc, this.hit.span.end, tokenEnd, ['looking', 'appearing', 'skinned']);
    if (this.hit.span.start !== token.span.start || (this.hit.span.end !== tokenEnd && !appearance)) return false;
    if (THING_AFTER.has(this.n(this.hit.last + 1))) return false;
    switch (term.use) {
      case 'always':
        // "Half-Caste", the title of John Agard's poem, is written with capitals.
        return !(term.id === 'half-caste' && /^Half-Caste$/.test(this.hit.text));
      case 'person':
        return this.describesPerson();
      case 'people':
        return this.pluralPeople();
      case 'noun':
        return this.nounForPerson();
      case 'lower-case':
        return this.lowerCaseGroup();
      case 'bare-noun':
        return this.bareNoun();
    }
  }

  private describesPerson(): boolean {
    const description = new PersonDescription(this.doc, this.hit, (s) => this.ctx.tags(s));
    if (description.startsProperName()) return false; // "School of Oriental and African Studies"
    const before = this.n(this.hit.first - 1);
    if (COLOUR_BEFORE.has(before)) return false;
    // Unlike a generic category, the word is outdated for people in general too: "many coloured immigrants".
    const after = this.n(this.hit.last + 1);
    if (description.personNounIndex() !== undefined || COLLECTIVE_PEOPLE.has(after) || (before === 'of' && OF_NOUNS.has(after))) return true;
    if (description.usage() !== undefined) return true;
    // "married a coloured", "an oriental": the word as a noun after an article, at a clause end
    const next = this.tokens[this.hit.last + 1];
    const articled = ['a', 'an'].includes(this.n(this.hit.first - 1));
    return articled && (!next || /^[,;.)]/.test(gapBetween(this.doc, this.tokens[this.hit.last], next).trim()));
  }

  private pluralPeople(): boolean {
    const before = this.n(this.hit.first - 1);
    if (LAUNDRY_BEFORE.has(before) && before !== 'the') return false;
    if (LAUNDRY.test(this.sentenceText())) return false;
    // "the Blacks" where Mr and Mrs Black appear in the record: the family, by surname.
    const word = this.tokens[this.hit.first];
    const surname = word.normal.replace(/s$/, '');
    return !(/^\p{Lu}/u.test(word.text) && surnamesIn(this.doc).has(surname));
  }

  private nounForPerson(): boolean {
    const token = this.tokens[this.hit.first];
    if (/^\p{Lu}/u.test(token.text) && this.hit.first > 0) return false; // Tinker Bell, Mr Tinker
    if (VERB_BEFORE.has(this.n(this.hit.first - 1)) || VERB_AFTER.has(this.n(this.hit.last + 1))) return false;
    return true;
  }

  /** "an illegal was found", "the illegal who…": after an article, with a verb, relative or punctuation after it. */
  private bareNoun(): boolean {
    if (!['a', 'an', 'the', 'one', 'another'].includes(this.n(this.hit.first - 1))) return false;
    const next = this.tokens[this.hit.last + 1];
    if (!next || /^[,;.:)!?]/.test(gapBetween(this.doc, this.tokens[this.hit.last], next).trim())) return true;
    return BARE_NOUN_FOLLOWERS.has(next.normal);
  }

  private lowerCaseGroup(): boolean {
    const { text } = this.hit;
    const misspelt = /^gips/i.test(text);
    if (!isLower(text) && !misspelt) return false;
    // "Gipsy Hill", "Gipsy Council": a capitalised name.
    const next = this.tokens[this.hit.last + 1];
    return !(misspelt && !isLower(text) && next && /^\p{Lu}/u.test(next.text));
  }

  /** "he was called a pikey", "names such as gyppo": a mention of what was said, not the writer's word. */
  mentioned(): boolean {
    const before = this.doc.text.slice(this.hit.sentence.span.start, this.hit.span.start);
    return MENTIONED_BEFORE.test(before);
  }
}

/** "illegal immigrants" → "undocumented migrants"; "is half-caste" → "is of dual heritage". */
function suggestionTexts(hit: TermHit): string[] {
  const term = hit.term as OutdatedTerm;
  const plural = /s$/i.test(hit.text) && !/(?:ss)$/i.test(hit.text);
  if (term.suggestPeople) return [`${hit.text.replace(/s$/i, '')} people`].map((s) => s[0].toUpperCase() + s.slice(1));
  const base = term.suggest ?? [];
  if (term.heritage) {
    const copula = ['is', 'was', 'are', 'were', 'be', 'being'].includes(hit.sentence.tokens[hit.first - 1]?.normal ?? '');
    return copula ? base.map((s) => `of ${s}`) : base;
  }
  if (plural && term.id === 'illegal-immigrant') return base.map((s) => `${s}s`);
  if (plural && term.id === 'bogus-asylum-seeker') return ['asylum seekers', 'people whose asylum claims were refused'];
  return base;
}

export default defineRule({
  meta: {
    id: 'outdated-term',
    category: 'how-we-talk-about-people',
    severity: 'error',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.1' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.2' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.5' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes', 'pos'],
    messages: {
      slur: '“{term}” is a racist slur. {note}',
      offensive: '“{term}” is an offensive term for people. {note}',
      outdated: '“{term}” is outdated or othering. {note}',
    },
    docs: {
      summary: 'Slurs and outdated or othering terms for people.',
      rationale:
        "Standard 2.1 asks us to use language that does not support racism, and 2.2 to describe people in their own words; 2.5 asks that harmful language in older records is repaired when they are re-used. The rule flags racist slurs (including terms for Gypsy, Roma and Traveller people such as 'gyppo', 'pikey' and 'tinker'), offensive terms such as 'half-caste', 'coloured' and 'negro', and outdated or othering ones such as 'oriental', 'Caucasian', 'Afro-Caribbean', 'illegal immigrant', 'illegals', 'blacks'/'whites' as nouns and lower-case 'gypsy'. Unlike a broad category, these words are flagged of people in general too ('many coloured immigrants', 'Oriental families'). Other senses are not flagged: coloured pencils, brightly coloured, an oriental rug, cricket whites, tinker with. A slur recorded verbatim as what somebody said or was called is part of a record of racist abuse and is kept as said (5.12).",
      examples: {
        bad: ['Michelle is a half-caste girl of 11.', 'A neighbour says the father is an illegal immigrant.', 'Mr Lee is an oriental gentleman who speaks little English.'],
        good: [
          'Finley showed me his new coloured pencils.',
          'There was an oriental rug in front of the fire.',
          'She said: "The guard called me an illegal immigrant in front of everyone."',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'outdated-term/terms.yml'),
  check(doc, ctx) {
    for (const hit of ctx.termHits()) {
      const usage = new Usage(doc, ctx, hit);
      if (!usage.aboutPeople()) continue;
      const messageId = (hit.term as OutdatedTerm).message ?? 'outdated';
      const descriptor = termReport(ctx, hit, messageId, { suggest: suggestionsFor(ctx, hit, suggestionTexts(hit).map((s) => matchCase(hit.text, s))) });
      if (usage.mentioned()) {
        ctx.exempt(descriptor, 'mention', 'what somebody was called or a word being discussed, not the writer’s own word');
        continue;
      }
      ctx.report(descriptor);
    }
  },
});
