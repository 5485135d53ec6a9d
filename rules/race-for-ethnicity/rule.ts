import { defineRule, type Edit, type ReportDescriptor, type RuleContext } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';
import { matchCase } from '../../src/engine/term-report.js';
import { isUnquotedMention } from '../../src/parse/quotes.js';
import { PERSON_NOUNS } from '../../src/nlp/applies-to.js';
import { wordsAfter, wordsBefore } from '../../src/nlp/label-context.js';

/** Words before 'race' that make it a category of people: 'the same race', 'other races', 'what race'. */
const CLASSIFYING_MODIFIERS = new Set([
  'same', 'different', 'other', 'another', 'all', 'both', 'two', 'three', 'four', 'several', 'many', 'various', 'any', 'every', 'each',
  'own', 'whatever', 'which', 'what', 'separate', 'distinct', 'opposite', 'particular', 'specific', 'dominant', 'inferior', 'superior',
  'black', 'white', 'asian', 'african', 'caucasian', 'negro', 'negroid', 'mongoloid', 'oriental', 'aryan', 'one',
]);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'my', 'your', 'our', "one's", 'its']);
/** 'race' as a competition: 'he won his race', 'they ran in the same race'. */
const SPORT = /\b(?:ran|run|runs|running|runner|won|win|wins|winning|lost|finish(?:ed|es|ing)?|marathon|\d+k|sprint|relay|laps?|medal|sports? day|athletics|cycling|swim(?:ming)?|horses?|boat|bet|betting|compet(?:e|ed|es|ing|ition)|spectators?|cheer(?:ed|ing)?|start(?:ing)? line)\b/i;
/** 'the race on Saturday', 'Sunday's race': an event. */
const EVENT_AFTER =
  /^\s+(?:(?:on|at)\s+(?:the\s+)?(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|sports day|track|stadium|noon|midday|start)|this|next|last|in the park|was won|starts?|started|begins?)\b/i;
const TIME_POSSESSOR = /^(?:today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|year|month|day|morning|afternoon|evening|night|season)'s$/;
/** Where 'racial group' or 'racial origin' is the wording of a statute being cited. */
const STATUTE = /\b(?:Children Act|Equality Act|Race Relations Act|s\.?\s?22|section 22|s\.?\s?9\b|section 9\b|protected characteristic)/i;
/** Words before 'race' that make it the mixed-race rule's phrase ('mixed race', 'bi-racial'), never this rule's. */
const MIXING_PREFIXES = 'mixed|bi|multi|inter|cross|trans';
const MIXING_PREFIX = new RegExp(`^(?:${MIXING_PREFIXES}|multi-)$`);
/** 'race' modifying another noun names a topic, not a person's category: 'our race equality plan', 'race hate crime'. */
const MODIFIED_NOUNS = String.raw`(?:equality|equity|relations|disparity|disparities|awareness|action|strategy|plan|network|forum|theory|card|hate|talk|literacy|consciousness|bias|discrimination|politics|issues?|cars?|tracks?|course|day|horses?|meeting|night|results?|winners?|bikes?|boats?|walkers?|runners?|pack|number|officials?)\b`;
const RACE_AS_MODIFIER = new RegExp(String.raw`^[-\s]+${MODIFIED_NOUNS}`, 'i');
/**
 * For the batch pre-scan: 'race equality', 'race-hate' are never reported (classifyingUse returns nothing for
 * them), except as a field label ('Ethnicity/race - …'), which the look-behind and the separators leave out.
 */
const NEVER_CLASSIFYING = String.raw`(?<!\/\s*)races?(?:[ \t\r\n]+|-(?=\w))${MODIFIED_NOUNS}|(?<=\b(?:${MIXING_PREFIXES})[-\s]+)race\b`;
/** Verbs and phrases of recording personal details: 'record', 'ask about', 'data on'. */
const RECORDING_VERB = String.raw`\b(?:record(?:s|ed|ing)?|ask(?:s|ed|ing)? (?:about|for)|(?:data|information|figures|statistics) (?:on|about)|(?:broken down|analysed|analyzed|split|grouped) by|monitor(?:s|ed|ing)?|note[sd]?|stat(?:e|es|ed|ing)|document(?:s|ed|ing)?|collect(?:s|ed|ing)?|captur(?:e|es|ed|ing)|list(?:s|ed|ing)?|enter(?:s|ed)?|tick(?:ed)?)\s+`;
const RECORDING_BEFORE = new RegExp(String.raw`${RECORDING_VERB}(?:the\s+|their\s+|his\s+|her\s+)?$`, 'i');
/** The same verb before a list of personal details: "records the child's name, age, ". */
const RECORDING_LIST_BEFORE = new RegExp(String.raw`${RECORDING_VERB}(?:(?:the|their|his|her)\s+)?(?:[\w'’-]+'s\s+)?(?:[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*(?:,\s*(?:and|or)?|and|or|\/)\s*){1,8}$`, 'i');
const RECORDING_AFTER = /^\s+(?:(?:is|was|were|has been|had been)\s+)?(?:not\s+)?(?:recorded|stated|known|unknown|given|listed|noted|documented|declared)\b/i;
const DISCRIMINATION_BEFORE = /\b(?:because of|due to|on (?:the )?grounds of|on account of|based on|regardless of|irrespective of|on the basis of)\s+(?:\w+\s+)?$/i;
const IDENTITY_WORK = /\b(?:develop(?:ing|ment)?|positive|explor(?:e|es|ed|ing)|sense of|proud|pride|strong|affirm(?:ing)?|life story|identity work)\b/i;

interface Classification {
  /** The words reported: 'race', 'same race', 'other races'. */
  span: { start: number; end: number };
  /** The standard's direct replacement applies: a field label or a person's race. */
  safe: boolean;
  /** The replacement wording for the reported words. */
  replacement: string;
}

export default defineRule({
  meta: {
    id: 'race-for-ethnicity',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.1' },
      { doc: '002_57226db87f2296f3.txt', clause: 'Communicate Clearly' },
    ],
    fix: 'safe',
    needs: ['sentences', 'quotes'],
    triggers: { unless: NEVER_CLASSIFYING },
    messages: {
      race: '“{term}” classifies people by race. The standards use “ethnicity”: race is a social construct used to support racism. Record how the person describes their own ethnicity and heritage.',
      racialCategory: '“{term}” classifies people by race. Use “ethnic …” or, better, the specific heritage in the person’s own words. {note}',
    },
    docs: {
      summary: "Use 'ethnicity', not 'race', to classify people.",
      rationale:
        "Standard 2.1 says we use the term 'ethnicity' rather than 'race', because 'race' is a social construct used to support racism; 002 'Communicate Clearly' says the same. The rule reports 'race' only where it sorts people into categories: a 'Race:' field, 'the child's race', 'of a different race', 'same-race placement', 'other races', 'racial origin' or 'racial background'. It never reports the vocabulary of racism and anti-racism (racism, racist, racial discrimination, harassment or trauma, racially motivated or aggravated), statutes and bodies (Race Relations Act, race equality plans and networks, Commission for Racial Equality), critical race theory, or a running race, an arms race, a race against time and the human race. 'Mixed race' is left to the mixed-race rule. The safe fix replaces 'race' with 'ethnicity' only in a field label or where it names a person's race.",
      examples: {
        bad: ['Race: Black African.', 'Carers asked whether it matters that Ama is of a different race.', 'Racial origin of father: not known.'],
        good: [
          'Ethnicity (self-described): Ghanaian, Ashanti.',
          'Ms Osei described racial harassment by a neighbour; the police are treating it as racially motivated.',
          'Finding a flat before the hostel place ends is a race against time.',
          'Our duties come from the Race Relations Act 1976.',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'race-for-ethnicity/terms.yml'),
  check(doc, ctx) {
    for (const hit of ctx.termHits()) {
      if (isMixedRace(hit)) continue;
      if (hit.term.id === 'race') checkRace(hit, doc.text, ctx);
      else checkRacialCategory(hit, doc.text, ctx);
    }
  },
});

/** 'mixed race', 'mixed-race', 'mixed racial heritage': reported by the mixed-race rule. */
function isMixedRace(hit: TermHit): boolean {
  return MIXING_PREFIX.test(previousWord(hit) ?? '');
}

/** The word before the hit: the previous part of a hyphenated word, or the previous token. */
function previousWord(hit: TermHit): string | undefined {
  const token = hit.sentence.tokens[hit.first];
  const inner = token.parts.filter((p) => p.span.end <= hit.span.start);
  if (inner.length) return inner[inner.length - 1].normal;
  return hit.sentence.tokens[hit.first - 1]?.normal;
}

function checkRace(hit: TermHit, source: string, ctx: RuleContext): void {
  const found = classifyingUse(hit, source);
  if (!found) return;
  const text = source.slice(found.span.start, found.span.end);
  const edit: Edit = ctx.replace(found.span, matchCase(text, found.replacement));
  const descriptor: ReportDescriptor = {
    messageId: 'race',
    span: found.span,
    data: { term: text },
    ...(found.safe ? { fix: edit } : {}),
    suggest: [{ desc: `Replace with “${edit.text}”`, edit }],
  };
  if (isUnquotedMention(source, hit)) ctx.exempt(descriptor, 'mention', 'the word is being discussed, not used');
  else ctx.report(descriptor);
}

/** Where 'race' sorts people into categories, the words to report and how to replace them. */
function classifyingUse(hit: TermHit, source: string): Classification | undefined {
  const before = wordsBefore(source, hit);
  const after = wordsAfter(source, hit);
  const plural = hit.text.toLowerCase().endsWith('s');
  const ethnicity = plural ? 'ethnicities' : 'ethnicity';
  const sentence = source.slice(hit.sentence.span.start, hit.sentence.span.end);
  const previous = previousWord(hit);
  // A table cell or list item that is only the word: a field label.
  const block = hit.sentence.block;
  if ((block.kind === 'table-cell' || block.kind === 'list-item') && /^[\s*_:|-]*$/.test(source.slice(block.span.start, hit.span.start) + source.slice(hit.span.end, block.span.end))) {
    return { span: hit.span, safe: !plural, replacement: ethnicity };
  }
  // A field label: 'Race: Black', 'Race/ethnicity:', 'Ethnicity/race:'.
  const tableCell = /(?:^|\|)\s*$/.test(before) && /^\s*\|/.test(after);
  const sport = SPORT.test(sentence) || EVENT_AFTER.test(after) || TIME_POSSESSOR.test(previous ?? '');
  if (tableCell || /^\s*(?::|\/)/.test(after) || /\/\s*$/.test(before) || (!sport && /^\s*(?:\(|-\s)/.test(after))) {
    const doubled = /^\s*\/\s*ethnicity/i.test(after) || /ethnicity\s*\/\s*$/i.test(before);
    return { span: hit.span, safe: !doubled && !plural, replacement: ethnicity };
  }
  if (sport || RACE_AS_MODIFIER.test(after) || /^\s+\p{Lu}/u.test(after) && /^\p{Lu}/u.test(hit.text)) return undefined;
  if (previous && (POSSESSIVE_PRONOUNS.has(previous) || /(?:'s|s')$/.test(previous)) && previous !== "human's") {
    // 'bullied because of his race' describes discrimination on a protected ground, in its legal wording.
    if (DISCRIMINATION_BEFORE.test(before.replace(/\S+\s*$/, ''))) return undefined;
    return { span: hit.span, safe: true, replacement: ethnicity };
  }
  const ofPerson = /^\s+of\s+(?:the|a|an|his|her|their|this|each|every|that)?\s*([\w'-]+)/i.exec(after);
  if (ofPerson && (PERSON_NOUNS.has(ofPerson[1].toLowerCase()) || /^\p{Lu}/u.test(ofPerson[1]))) {
    return { span: hit.span, safe: true, replacement: ethnicity };
  }
  if (previous && CLASSIFYING_MODIFIERS.has(previous)) {
    const first = hit.sentence.tokens[hit.first];
    const inCompound = first.span.start < hit.span.start;
    const start = inCompound ? first.span.start : hit.sentence.tokens[hit.first - 1].span.start;
    const modifier = source.slice(start, hit.span.start);
    return { span: { start, end: hit.span.end }, safe: false, replacement: `${modifier}${ethnicity}` };
  }
  if (RECORDING_BEFORE.test(before) || RECORDING_AFTER.test(after) || recordedInList(before)) return { span: hit.span, safe: !plural, replacement: ethnicity };
  if (/^[-\s]+(?:matched|matching|match)\b/i.test(after)) return { span: hit.span, safe: false, replacement: ethnicity };
  return undefined;
}

const PERSONAL_DETAIL = /\b(?:age|gender|sex|religion|faith|beliefs?|ethnicity|language|nationality|culture|disability|sexuality|name|date of birth|address)\s*(?:,|and|or|\/)/i;

/** 'Staff record the child's name, age, race and religion': one of the personal details a form records. */
function recordedInList(before: string): boolean {
  const list = RECORDING_LIST_BEFORE.exec(before);
  return list !== null && PERSONAL_DETAIL.test(list[0]);
}

function checkRacialCategory(hit: TermHit, source: string, ctx: RuleContext): void {
  const racial = hit.sentence.tokens[hit.first];
  const rest = source.slice(racial.span.end, hit.span.end);
  const identity = hit.term.id === 'racial-identity';
  const alternatives = identity ? (hit.term.suggest ?? []) : [`${matchCase(racial.text, 'ethnic')}${rest}`];
  const descriptor: ReportDescriptor = {
    messageId: 'racialCategory',
    span: hit.span,
    data: { term: hit.text, note: hit.term.note ?? '' },
    suggest: alternatives.map((text) => ({ desc: `Replace with “${matchCase(hit.text, text)}”`, edit: ctx.replace(hit.span, matchCase(hit.text, text)) })),
    ...(identity && IDENTITY_WORK.test(source.slice(hit.sentence.span.start, hit.sentence.span.end)) ? { severity: 'info' as const } : {}),
  };
  const sentence = source.slice(hit.sentence.span.start, hit.sentence.span.end);
  if (/^racially$/i.test(racial.text) && !/^\s*(?:black|white|asian)\b/i.test(rest)) return;
  if (STATUTE.test(sentence)) ctx.exempt(descriptor, 'legitimate-sense', 'the wording of a statute');
  else if (isUnquotedMention(source, hit)) ctx.exempt(descriptor, 'mention', 'the phrase is being discussed, not used');
  else ctx.report(descriptor);
}
