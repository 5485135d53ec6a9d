import type { Document, Sentence, Span, Token } from '../../src/document/types.js';
import { defineRule, type RuleContext, type Severity } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermEntry, type TermHit } from '../../src/terms/compile.js';
import {
  endsInAppearanceSuffix,
  FIELD_LABEL_SOURCE,
  isPersonNoun,
  isPluralPersonNoun,
  lexiconEntries,
  lexiconHits,
  originMentions,
  PERSON_PRONOUNS,
  PersonDescription,
  SPECIFIC_KINDS,
  type OriginMention,
  type PersonUsage,
} from '../../src/lexicon/index.js';

/**
 * 001 §2.3–2.4: a person, family or group recorded with only a broad category ('Black', 'White Other',
 * 'South Asian', 'Ethnicity: Mixed') and no specific country, nationality or people stated for them in the same
 * sentence. The hard part is telling the ethnicity use apart from surnames ("Mrs Black"), objects ("a black
 * coat"), places and names ("the Black Country", "Black History Month") and statements about groups in general
 * ("Black children are over-represented"): the label must describe a specific person, through an ethnicity field,
 * a person noun, a predicate of a person, or an apposition to a named person.
 */

interface LabelTerm extends TermEntry {
  colour?: boolean;
  fieldOnly?: boolean;
  contested?: boolean;
  withTraveller?: boolean;
  capital?: boolean;
}

/** The rule's own terms plus the regional labels of the lexicon ("African", "Eastern European"). */
function labelTerms(): LabelTerm[] {
  const own = loadTermsBeside(import.meta.url) as LabelTerm[];
  const taken = new Set(own.flatMap((t) => t.match.map((m) => m.toLowerCase().replace(/-/g, ' '))));
  const regional = lexiconEntries()
    .filter((e) => e.kind === 'regional' && !e.plural && !taken.has(e.name.toLowerCase().replace(/-/g, ' ')))
    .map((e): LabelTerm => ({ id: `regional:${e.name}`, match: [e.name], note: 'A region is not a country: ask which country, e.g. Nigerian rather than African.' }));
  return [...own, ...regional];
}

/** "describes herself as (a) …": the person's own description (001 §2.2). */
const SELF_DESCRIPTION_BEFORE = /\b(?:describ|identif|see|call|consider|regard|defin)\w*\s+(?:herself|himself|themselves|themself|myself|ourselves)\s+(?:as\s+)?(?:being\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}$|\bself[- ]identif\w*\s+as\s+(?:an?\s+)?$|\bidentif(?:y|ies|ied|ying)\s+(?:\w+\s+)?as\s+(?:an?\s+)?(?:being\s+)?$/i;

const isCap = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);

/** A run of label hits written together ("Mixed – White and Asian", "Gypsy/Traveller") is one finding. */
interface Label {
  sentence: Sentence;
  first: number;
  last: number;
  span: Span;
  text: string;
  terms: LabelTerm[];
}

function labelsOf(doc: Document, hits: TermHit[]): Label[] {
  const labels: Label[] = [];
  for (const hit of hits) {
    const previous = labels[labels.length - 1];
    const gap = previous && previous.sentence === hit.sentence ? doc.text.slice(previous.span.end, hit.span.start) : undefined;
    if (previous && gap !== undefined && /^\s*(?:[-–—:/]|or|and)?\s*$/.test(gap) && gap.length <= 5) {
      previous.last = hit.last;
      previous.span = { start: previous.span.start, end: hit.span.end };
      previous.text = doc.text.slice(previous.span.start, previous.span.end);
      previous.terms.push(hit.term as LabelTerm);
    } else {
      labels.push({ sentence: hit.sentence, first: hit.first, last: hit.last, span: hit.span, text: hit.text, terms: [hit.term as LabelTerm] });
    }
  }
  return labels;
}

const OTHER_RULES_AFTER_MIXED = new Set(['race', 'raced', 'racial', 'heritage', 'parentage', 'ethnicity', 'origins']);

/**
 * "Black, Asian and minority ethnic", "Black and minority ethnic": the BAME acronym spelt out, which the
 * ethnic-minority rule reports as one phrase.
 */
const SPELT_OUT_UMBRELLA_AFTER = /^(?:\s*,?\s*(?:and\s+|&\s+)?(?:Black|Asian|Brown|Mixed|Multiple|Other)\b)*\s*,?\s*(?:and|&)\s+(?:other\s+)?(?:minority\s+ethnic|ethnic\s+minorit|minori[ts]\w*\s+ethnic|global\s+majority|minoriti[sz]ed)/i;

/** The label is only part of a word ("non-white", "Black-led", "Afro-Caribbean") or of a name the lexicon knows ("South African", "Irish Traveller"). */
function isPartOfLargerWord(doc: Document, label: Label): boolean {
  const { tokens } = label.sentence;
  const tokenEnd = tokens[label.last].span.end;
  const appearance = endsInAppearanceSuffix(doc, label.span.end, tokenEnd); // "an Asian-looking man"
  if (label.span.start !== tokens[label.first].span.start || (label.span.end !== tokenEnd && !appearance)) return true;
  if (SPELT_OUT_UMBRELLA_AFTER.test(doc.text.slice(label.span.end, label.sentence.span.end))) return true;
  // "non white" belongs to ethnic-minority; "Mixed race" to mixed-race; "mixed heritage" is the preferred form.
  if (tokens[label.first - 1]?.normal === 'non') return true;
  if (label.terms[label.terms.length - 1].id === 'mixed' && OTHER_RULES_AFTER_MIXED.has(tokens[label.last + 1]?.normal ?? '')) return true;
  return lexiconHits(label.sentence, doc.text).some(
    (h) => SPECIFIC_KINDS.has(h.entry.kind) && h.span.start <= label.span.start && label.span.end <= h.span.end && h.span.end - h.span.start > label.span.end - label.span.start,
  );
}

/** How the label describes a specific person, or undefined when it does not (object, name, place, people in general). */
function usageOf(doc: Document, ctx: RuleContext, label: Label): PersonUsage | undefined {
  const { tokens } = label.sentence;
  const description = new PersonDescription(doc, label, (s) => ctx.tags(s));
  const { terms } = label;
  if (description.isField()) return 'field';
  // "Mixed" and "Other" are ethnicities only as a field value ("Ethnicity: Mixed"), or "a Mixed boy".
  if (terms.every((t) => t.fieldOnly) && !(isCap(tokens[label.first]) && terms.some((t) => t.id === 'mixed'))) return undefined;
  if (terms.every((t) => t.withTraveller)) return undefined;
  if (terms.some((t) => t.capital) && !isCap(tokens[label.first])) return undefined;
  // Colour words are also surnames ("Mrs Black", "Andrew White") and place names ("the Black Country").
  if (terms.some((t) => t.colour) && (description.isNamePart() || description.taggedAsPlace())) return undefined;
  // "the baby is brown" is more often skin colour than ethnicity.
  const usage = description.usage();
  if (usage === 'predicate' && tokens[label.first].text === 'brown') return undefined;
  return usage;
}

const FIRST_PERSON = new Set(['i', 'we']);
const REPORTING = new Set(['said', 'says', 'told', 'tells', 'explained', 'explains', 'feels', 'felt', 'believes', 'believed', 'thinks', 'described', 'describes', 'shared', 'stated', 'states', 'reported', 'reports', 'disclosed']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they']);
const AGENCIES = new Set(['police', 'school', 'nursery', 'college', 'hospital', 'gp', 'council', 'agency', 'housing', 'ambulance', 'probation', 'camhs', 'ward', 'surgery', 'academy', 'primary', 'services', 'service', 'team', 'it', 'this', 'that']);
const FAMILY = new Set(['mum', 'mother', 'dad', 'father', 'parents', 'parent', 'grandmother', 'grandfather', 'nan', 'gran', 'aunt', 'uncle', 'family', 'sister', 'brother', 'son', 'daughter', 'wife', 'husband', 'partner']);

/** "He said he was stopped because he is Black": the person's own words, reported (001 §2.2). */
function reportedSelfDescription(label: Label, usage: PersonUsage): boolean {
  if (usage !== 'predicate') return false;
  const { tokens } = label.sentence;
  let subject = label.first - 2;
  // "she said her ethnicity is Black"
  if (['ethnicity', 'heritage', 'background'].includes(tokens[subject]?.normal ?? '') && ['his', 'her', 'their'].includes(tokens[subject - 1]?.normal ?? '')) subject -= 1;
  const word = tokens[subject]?.normal ?? '';
  if (!PRONOUN_SUBJECTS.has(word) && !['his', 'her', 'their'].includes(word)) return false;
  // The speaker must be the person or their family ("Mum said…", "Mr Ade said…"), not a professional.
  const family = (t: Token | undefined) => t !== undefined && (PRONOUN_SUBJECTS.has(t.normal) || FAMILY.has(t.normal) || (/^\p{Lu}/u.test(t.text) && !isPersonNoun(t.normal) && !AGENCIES.has(t.normal)));
  return tokens.slice(0, subject).some((t, i) => REPORTING.has(t.normal) && family(tokens[i - 1]));
}

/** "I am a white social worker", "As a White British worker, I…": the writer reflecting on their own identity. */
function aboutTheWriter(label: Label): boolean {
  const { tokens } = label.sentence;
  const before = tokens.slice(Math.max(0, label.first - 4), label.first).map((t) => t.normal);
  if (before.includes('am') || (before.includes('are') && before.includes('we'))) return true;
  return tokens[0]?.normal === 'as' && label.first <= 3 && tokens.slice(label.last + 1).some((t) => FIRST_PERSON.has(t.normal));
}

/** The other sentences on the same line of the same block: the rest of a form line. */
function sameLineSentences(doc: Document, sentence: Sentence): Sentence[] {
  const line = doc.lines.toPoint(sentence.span.start).line;
  return sentence.block.sentences.filter((s) => s !== sentence && doc.lines.toPoint(s.span.start).line === line);
}

const KIN_POSSESSIVES = new Set(['his', 'her', 'their', 'whose']);
/** Relatives whose origin is the person's heritage too (not a spouse, partner, child or friend). */
const HERITAGE_KIN = new Set([
  'mum', 'mother', 'dad', 'father', 'parents', 'parent', 'grandmother', 'grandfather', 'grandparents', 'grandma',
  'grandad', 'granddad', 'nan', 'nana', 'gran', 'granny', 'family', 'ancestors', 'forebears', 'sister', 'brother',
  'siblings', 'sibling', 'birth',
]);

/**
 * Is the origin said of somebody else? "Mum is White and Dad is Polish": both people are named and differ. Not
 * when the other person is this person's kin ("Kwame is Black and his dad is from Accra") or a pronoun.
 */
function saidOfSomebodyElse(doc: Document, ctx: RuleContext, label: Label, origin: OriginMention): boolean {
  const tagger = (s: Sentence) => ctx.tags(s);
  const labelOwner = new PersonDescription(doc, label, tagger).owner();
  const originOwner = new PersonDescription(doc, { ...origin, sentence: label.sentence }, tagger).owner();
  if (labelOwner === undefined || originOwner === undefined) return false;
  // "White Other (Polish)": the brackets belong to the label itself.
  if (originOwner >= label.first && originOwner <= label.last) return false;
  const { tokens } = label.sentence;
  const [a, b] = [tokens[labelOwner], tokens[originOwner]];
  if (a.normal === b.normal || PERSON_PRONOUNS.has(a.normal) || PERSON_PRONOUNS.has(b.normal)) return false;
  if (isPluralPersonNoun(a.normal) || isPluralPersonNoun(b.normal)) return false;
  // "Kwame is Black and his dad is from Accra": the origin is the heritage of the person the label describes. But in
  // "her mother is South Asian and her father is from Dublin" both are somebody's kin: two different people.
  // "Mr Okoro is Black and his wife is Nigerian": a spouse's origin is not his heritage.
  const kin = (i: number) => KIN_POSSESSIVES.has(tokens[i - 1]?.normal ?? '');
  return !(kin(originOwner) && HERITAGE_KIN.has(b.normal) && !kin(labelOwner));
}

/** Origins in the sentence that belong to this label: with several labels, each origin goes to the nearest one. */
function originsFor(doc: Document, ctx: RuleContext, label: Label, labels: Label[], origins: OriginMention[]): OriginMention[] {
  const distance = (l: Label, o: OriginMention) => (o.first > l.last ? o.first - l.last : l.first - o.last);
  return origins.filter((o) => {
    if (o.span.start < label.span.end && label.span.start < o.span.end) return false;
    const nearest = labels.reduce((best, l) => (distance(l, o) < distance(best, o) ? l : best), label);
    return nearest === label && !saidOfSomebodyElse(doc, ctx, label, o);
  });
}

export default defineRule({
  meta: {
    id: 'generic-ethnicity',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.3' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.4' },
    ],
    fix: 'none',
    needs: ['sentences', 'quotes', 'pos'],
    // For the batch pre-scan: a form field reads the other sentences of its line (sameLineSentences).
    triggers: { context: { line: { when: FIELD_LABEL_SOURCE } } },
    messages: {
      generic: '“{term}” is a broad category, not an origin. Record the specific countries of origin (and, where relevant, generation in the UK) in the person\'s own words. {note}',
      contested: '“{term}” on its own says little about heritage. {note}',
      writer: '“{term}”: reflecting on your own identity is good practice (001 §2.6); name it as specifically as you would for a family.',
      aggregate: '“{term}”: broad categories are accepted for collecting data, but name the specific groups where you can. {note}',
    },
    docs: {
      summary: "Record specific origins, not only 'White', 'Black' or 'Asian'.",
      rationale:
        "Standard 2.3 says 'White', 'Black' and 'Asian' are often data-collection labels, too generic to say who a family are; standard 2.4 asks us to record the specific country or countries of origin and, where relevant, the generation in the UK, because we do not generalise. The rule flags a person, family or group given only a broad category (including 'Black African', 'White Other', 'South Asian' and an ethnicity field of 'Mixed' or 'Other') when no country, nationality or people is stated for them in the same sentence. 'White British' and 'Black British' alone are contested and reported as info, and so is a broad colour category with only a UK birthplace ('born in Leeds', 'a Londoner'); where somebody lives is not an origin at all, and neither is an origin stated for another relative (a partner, or the other parent). Surnames, places, objects ('a black coat'), names such as Black History Month, statements about people in general and quoted self-descriptions are not flagged; in policy documents the finding is info.",
      examples: {
        bad: ['Mr Fofanah, 41, is Black and has lived in Croydon for twenty years.', 'Ethnicity: Mixed.', 'A South Asian woman in her 60s called the duty line.'],
        good: [
          'Mr Fofanah is Black British; his parents came from Freetown, Sierra Leone.',
          'Mrs Black, 86, moved to the care home in Blackpool.',
          'He was wearing a black coat and had a black eye.',
        ],
      },
    },
  },
  terms: new TermMatcher(labelTerms(), 'generic-ethnicity/terms.yml'),
  check(doc, ctx) {
    const policy = doc.kind === 'policy';
    const labels = labelsOf(doc, ctx.termHits());
    const bySentence = new Map<Sentence, Label[]>();
    for (const l of labels) bySentence.set(l.sentence, [...(bySentence.get(l.sentence) ?? []), l]);

    for (const label of labels) {
      if (isPartOfLargerWord(doc, label)) continue;
      const usage = usageOf(doc, ctx, label);
      if (!usage) continue;
      // "Black or Black British - African" is the census heading plus a box: as generic as "Black African".
      const contested = label.terms.every((t) => t.contested);
      const data = { term: label.text, note: label.terms.map((t) => t.note ?? '').find(Boolean) ?? '' };
      const base = { messageId: contested ? 'contested' : policy ? 'aggregate' : 'generic', span: label.span, data };

      if (SELF_DESCRIPTION_BEFORE.test(doc.text.slice(label.sentence.span.start, label.span.start)) || reportedSelfDescription(label, usage)) {
        ctx.exempt(base, 'self-description', "the person's own description of themselves (001 §2.2)");
        continue;
      }
      const origins = originsFor(doc, ctx, label, bySentence.get(label.sentence) ?? [label], originMentions(doc, label.sentence));
      // A form line ("Ethnicity: Black African. Country of birth: Nigeria.") counts as one record of the person.
      if (usage === 'field') origins.push(...sameLineSentences(doc, label.sentence).flatMap((s) => originMentions(doc, s)));
      const specific = origins.find((o) => o.strength === 'specific');
      if (specific) {
        ctx.exempt(base, 'legitimate-sense', `a specific origin is stated: ${specific.text}`);
        continue;
      }
      // "Black and British", "White, born in the UK": as contested as "White British".
      const weak = origins.some((o) => o.strength === 'weak') && label.terms.every((t) => t.colour || t.contested);
      const writer = aboutTheWriter(label);
      const severity: Severity | undefined = contested || weak || policy || writer ? 'info' : undefined;
      const messageId = writer ? 'writer' : contested || weak ? 'contested' : base.messageId;
      ctx.report({ ...base, messageId, ...(severity ? { severity } : {}) });
    }
  },
});
