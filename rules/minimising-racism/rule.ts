import type { Document, Sentence, Span } from '../../src/document/types.js';
import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { suggestionsFor, termReport } from '../../src/engine/term-report.js';
import { isNegatedAt, isProhibition } from '../../src/nlp/negation.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';

/**
 * Words that show a passage is about racism or racial or religious abuse, so that 'banter' or 'oversensitive'
 * nearby is softening it. A few slurs are listed because a record often quotes the slur and nothing else.
 */
const RACISM_CUES = new Set([
  'racism', 'racist', 'racists', 'racial', 'racially', 'race', 'ethnic', 'ethnicity', 'skin', 'colour', 'color', 'religion',
  'religious', 'monkey', 'monkeys', 'slur', 'slurs', 'hijab', 'niqab', 'headscarf', 'turban', 'immigrant', 'immigrants',
  'foreigner', 'foreigners', 'islamophobic', 'islamophobia', 'antisemitic', 'antisemitism', 'xenophobic', 'accent', 'nationality',
  'pikey', 'gyppo', 'paki', 'wog', 'coon', 'terrorist', 'muslim', 'muslims', 'jewish', 'jew', 'jews', 'sikh', 'hindu', 'islam',
  'mosque', 'synagogue', 'gurdwara', 'black', 'brown', 'african', 'asian', 'caribbean', 'gypsy', 'traveller', 'travellers', 'roma',
  'refugee', 'refugees', 'asylum',
]);
/** Phrases that tell people they do not belong here: racist abuse even with no word about race. */
const RACISM_CUE_PHRASES = [
  ['go', 'back', 'to'],
  ['where', 'he', 'is', 'from'],
  ['where', 'she', 'is', 'from'],
  ['where', 'they', 'are', 'from'],
  ['where', 'his', 'family', 'is', 'from'],
  ['where', 'her', 'family', 'is', 'from'],
  ['where', 'you', 'come', 'from'],
  ['where', 'you', 'came', 'from'],
];

/** How far (in sentences, either side) a cue may be from the word it explains. */
const CONTEXT_WINDOW = 3;

/** Verbs that report somebody's view of what happened to them. */
const FEELING_VERBS = new Set(['feels', 'felt', 'feel', 'believes', 'believed', 'believe', 'thinks', 'thought', 'think', 'considers']);
/** Verbs that report what somebody said happened: doubt only when what follows is a view, not an act. */
const REPORTING_VERBS = new Set(['says', 'said', 'reports', 'reported', 'states', 'stated', 'told', 'tells']);
/**
 * What follows 'racially' / 'racist' in a plain account of an act ('says her daughter was racially abused',
 * 'said he suffered racist abuse'): a report of racism named as racism, not a feeling set against a view.
 */
const ACT_WORDS = new Set([
  'abused', 'abuse', 'attacked', 'attack', 'assaulted', 'assault', 'harassed', 'harassment', 'bullied', 'bullying', 'insulted',
  'insults', 'taunted', 'taunts', 'targeted', 'threatened', 'threats', 'slur', 'slurs', 'remarks', 'comments', 'names', 'graffiti',
]);
/** What a service says in its own defence: 'but the officer followed the policy', 'although staff treat everyone the same'. */
const DEFENCE_CUES = new Set([
  'followed', 'procedure', 'procedures', 'policy', 'policies', 'rules', 'normal', 'usual', 'standard', 'correctly', 'properly',
  'fairly', 'appropriately', 'everyone', 'evidence', 'experienced', 'complaint', 'complaints', 'same',
]);
/** A contrast clause giving somebody else's account ('but the neighbour denies it'): both sides recorded, no doubt cast. */
const ACCOUNT_VERBS = new Set([
  'denies', 'denied', 'deny', 'disputes', 'disputed', 'says', 'said', 'states', 'stated', 'claims', 'claimed', 'maintains',
  'maintained', 'insists', 'insisted', 'reports', 'reported', 'told', 'admits', 'admitted', 'accepts', 'accepted',
]);
const DISCRIMINATION_WORDS = new Set(['discriminated', 'discrimination', 'discriminatory', 'racist', 'racism', 'racially']);
/** A clause that sets the recorder's view against the person's: 'although the officer followed the normal procedure'. */
const CONTRAST_WORDS = new Set(['although', 'but', 'however', 'though', 'whereas', 'despite', 'yet']);

function hasRacismContext(doc: Document, s: Sentence): boolean {
  const from = Math.max(0, s.index - CONTEXT_WINDOW);
  const to = Math.min(doc.sentences.length - 1, s.index + CONTEXT_WINDOW);
  for (let k = from; k <= to; k++) {
    const tokens = doc.sentences[k].tokens;
    if (tokens.some((t) => t.parts.some((p) => RACISM_CUES.has(p.normal)))) return true;
    if (tokens.some((_, i) => RACISM_CUE_PHRASES.some((phrase) => phrase.every((w, j) => tokens[i + j]?.normal === w)))) return true;
  }
  return false;
}

/**
 * 'You told us the coach said it was just banter. It was not banter.': the writer reports the word in order to
 * reject it, in the same sentence or one of the next two.
 */
function isRejectedNearby(doc: Document, s: Sentence, hit: TermHit): boolean {
  const head = s.tokens[hit.last].normal;
  for (let k = s.index; k <= Math.min(doc.sentences.length - 1, s.index + 2); k++) {
    const tokens = doc.sentences[k].tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].normal !== head || (k === s.index && i === hit.last)) continue;
      if (isNegatedAt(doc.sentences[k], i, doc.text)) return true;
    }
  }
  return false;
}

/**
 * 'Ms A feels she was discriminated against by the officer, although the officer followed procedure': the
 * recorder sets their own view against the person's account (contested, so reported as info).
 */
function doubtedAccounts(doc: Document, s: Sentence): Span[] {
  const spans: Span[] = [];
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const reporting = REPORTING_VERBS.has(tokens[i].normal);
    if (!FEELING_VERBS.has(tokens[i].normal) && !reporting) continue;
    let end = -1;
    for (let k = i + 1; k < Math.min(tokens.length, i + 8); k++) {
      if (CONTRAST_WORDS.has(tokens[k].normal)) break;
      if (DISCRIMINATION_WORDS.has(tokens[k].normal)) {
        end = tokens[k + 1]?.normal === 'against' ? k + 1 : k;
        break;
      }
    }
    if (end < 0) continue;
    // 'says her daughter was racially abused': an act named as racism is reported, not doubted.
    if (reporting && ACT_WORDS.has(tokens[end + 1]?.normal ?? '')) continue;
    const contrast = tokens.findIndex((t, k) => k > end && CONTRAST_WORDS.has(t.normal));
    if (contrast < 0 || isOtherAccount(tokens, contrast) || isAboutThePerson(tokens, i, contrast)) continue;
    // A report ('said', 'told me') is doubted only when the contrast is the service's own defence.
    if (reporting && !tokens.slice(contrast + 1).some((t) => DEFENCE_CUES.has(t.normal))) continue;
    spans.push({ start: tokens[i].span.start, end: tokens[end].span.end });
  }
  void doc;
  return spans;
}

/** 'feels she was discriminated against, but she does not want to complain': the contrast is about her wishes. */
function isAboutThePerson(tokens: Sentence['tokens'], verb: number, contrast: number): boolean {
  const subject = tokens[verb + 1]?.normal;
  return subject !== undefined && /^(?:she|he|they|i)$/.test(subject) && tokens[contrast + 1]?.normal === subject;
}

/** 'but the neighbour denies it', 'although the officer says he …': the contrast is somebody else's account. */
function isOtherAccount(tokens: Sentence['tokens'], contrast: number): boolean {
  return tokens.slice(contrast + 1, contrast + 6).some((t) => ACCOUNT_VERBS.has(t.normal));
}

/** Verbs (and the noun 'claims') that put a disclosure up to be proved: 'claims the officer was racist'. */
const CLAIM_WORDS = new Set(['claims', 'claimed', 'claiming', 'claim', 'alleges', 'alleging', 'alleged']);
/** What the claim is about, when it names racism. */
const RACISM_WORDS = new Set([
  'racism', 'racist', 'racially', 'racial', 'discriminated', 'discrimination', 'discriminatory', 'islamophobic', 'antisemitic', 'xenophobic',
]);
/** Where a claim's clause ends; 'for' makes it a claim for something ('claiming compensation for racial …'). */
const CLAUSE_ENDS = new Set([...CONTRAST_WORDS, 'and', 'because', 'so', 'which', 'while', 'when', 'for']);
const NEGATIONS = new Set(['not', 'never', 'no', "isn't", "wasn't", "didn't", "doesn't", "don't", "aren't", "weren't"]);
/** How far after the claim word the racism may be named ('claimed that the housing officer was racist'). */
const CLAIM_WINDOW = 9;

/**
 * 'Mr Ali claimed that the housing officer was racist', 'Kofi alleges he was racially bullied': a disclosure
 * of racism put up to be proved. Not: a legal claim ('a claim for race discrimination'), 'alleged' as an
 * adjective ('the alleged perpetrator of racist abuse'), or a denial ('claims he is not racist').
 */
function claimedAccounts(doc: Document, s: Sentence): Span[] {
  const spans: Span[] = [];
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].normal;
    if (!CLAIM_WORDS.has(word)) continue;
    const next = tokens[i + 1]?.normal ?? '';
    if (/^(?:for|against|form|forms|number)$/.test(next)) continue;
    if (word === 'alleged' && !/^(?:that|he|she|they|her|his|their)$/.test(next)) continue;
    for (let k = i + 1; k < Math.min(tokens.length, i + CLAIM_WINDOW); k++) {
      if (/[;:.!?()]/.test(doc.text.slice(tokens[k - 1].span.end, tokens[k].span.start))) break;
      const w = tokens[k].normal;
      if (NEGATIONS.has(w) || CLAUSE_ENDS.has(w)) break;
      if (!RACISM_WORDS.has(w)) continue;
      if (!['aggravated', 'motivated'].includes(tokens[k + 1]?.normal ?? '')) spans.push({ start: tokens[i].span.start, end: tokens[k].span.end });
      break;
    }
  }
  return spans;
}

/** Cues that a sentence is about racist abuse itself, not only about who somebody is. */
const ABUSE_CUES = new Set([
  'racism', 'racist', 'racists', 'racial', 'racially', 'slur', 'slurs', 'monkey', 'monkeys', 'paki', 'wog', 'coon', 'terrorist',
  'pikey', 'gyppo', 'islamophobic', 'islamophobia', 'antisemitic', 'antisemitism', 'xenophobic',
]);
/** Words before 'banter' that make it something people enjoy together ('enjoys banter with the carers'). */
const SHARED_BANTER = new Set(['enjoys', 'enjoy', 'enjoyed', 'enjoying', 'likes', 'like', 'liked', 'loves', 'love', 'loved', 'friendly', 'good', 'great', 'usual', 'playful', 'affectionate', 'gentle']);

/**
 * 'Mr Osei (Black British) enjoys banter with the carers about football': banter as a shared pleasure, not a
 * name for remarks, unless the sentence itself is about racism.
 */
function isSharedBanter(doc: Document, s: Sentence, hit: TermHit): boolean {
  if (hit.last !== hit.first || s.tokens.some((t) => t.parts.some((p) => ABUSE_CUES.has(p.normal)))) return false;
  const prev = s.tokens[hit.first - 1]?.normal ?? '';
  const two = s.tokens.slice(Math.max(0, hit.first - 2), hit.first).map((t) => t.normal).join(' ');
  const next = s.tokens[hit.last + 1]?.normal ?? '';
  void doc;
  return SHARED_BANTER.has(prev) || /^(?:lots? of|plenty of)$/.test(two) || (/^(?:has|have|had|share|shares|shared)$/.test(prev) && next === 'with');
}

/** Suggestions may reuse the matched words: '$2' is the second word ('alleged racism' → 'racism'). */
function fillTemplate(template: string, matched: string): string {
  const words = matched.split(/[\s\-\u2010\u2011]+/);
  return template.replace(/\$(\d)/g, (_m, n: string) => words[Number(n) - 1] ?? '').replace(/\s+/g, ' ').trim();
}

function check(doc: Document, ctx: RuleContext): void {
  const reported: Span[] = [];
  for (const hit of ctx.termHits()) {
    const s = hit.sentence;
    const alternatives = (hit.term.suggest ?? []).map((t) => fillTemplate(t, hit.text));
    const descriptor = { ...termReport(ctx, hit, 'minimising'), suggest: suggestionsFor(ctx, hit, alternatives) };
    const next = s.tokens[hit.last + 1]?.normal;
    const unlessNext = (hit.term.unlessNext as string[] | undefined) ?? [];
    if (next && unlessNext.includes(next)) continue;
    if (isNegatedAt(s, hit.first, doc.text) || isProhibition(s) || isRejectedNearby(doc, s, hit)) {
      ctx.exempt(descriptor, 'mention', 'the word is rejected, not used');
      continue;
    }
    if (hit.term.context === 'racism' && !hasRacismContext(doc, s)) continue;
    if (hit.term.id === 'banter' && isSharedBanter(doc, s, hit)) {
      ctx.exempt(descriptor, 'legitimate-sense', 'banter somebody enjoys, not a name for remarks');
      continue;
    }
    ctx.report(descriptor);
    reported.push(hit.span);
  }
  const claimNote = ctx.terms?.terms.find((t) => t.id === 'claims-verb')?.note ?? '';
  const overlaps = (span: Span) => reported.some((r) => r.start < span.end && span.start < r.end);
  for (const s of doc.sentences) {
    if (isProhibition(s)) continue;
    for (const span of claimedAccounts(doc, s)) {
      if (overlaps(span)) continue;
      ctx.report({ messageId: 'minimising', span, data: { term: doc.text.slice(span.start, span.end), note: claimNote } });
      reported.push(span);
    }
  }
  for (const s of doc.sentences) {
    for (const span of doubtedAccounts(doc, s)) {
      if (overlaps(span)) continue;
      ctx.report({ messageId: 'doubted', span, data: { term: doc.text.slice(span.start, span.end) }, severity: 'info' });
    }
  }
}

const TERMS = new TermMatcher(loadTermsBeside(import.meta.url), 'minimising-racism/terms.yml');

export default defineRule({
  meta: {
    id: 'minimising-racism',
    category: 'responding-to-racism',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '3.2' },
      { doc: '001_131b8ae94af47271.txt', clause: '4.5' },
      { doc: '001_131b8ae94af47271.txt', clause: '5.12' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    // For the batch pre-scan: a claim needs a claim word and a racism word in one sentence; a doubted account a
    // feeling or reporting verb, a discrimination word and a contrast. A rejection is looked for up to two
    // sentences on (isRejectedNearby); a racism cue for 'banter' and the like up to three either side.
    triggers: {
      together: [
        [[...CLAIM_WORDS], [...RACISM_WORDS]],
        [[...DISCRIMINATION_WORDS], [...FEELING_VERBS, ...REPORTING_VERBS], [...CONTRAST_WORDS]],
      ],
      context: { after: 2 },
      widerContext: { words: TERMS.triggerWords((t) => t.context === 'racism'), before: CONTEXT_WINDOW, after: CONTEXT_WINDOW },
    },
    messages: {
      minimising: '“{term}” doubts or softens racism. {note}',
      doubted:
        '“{term}”, set against the recorder’s own view, may read as doubting a report of discrimination; record what the person described and what was done (001 §4.5).',
    },
    docs: {
      summary: 'Name racism as racism; do not doubt or soften a disclosure.',
      rationale:
        "Standard 3.2 asks us to name racism as 'racism' when we are told about it or see it, and 4.5 to validate and accept a person's experience when they tell us they have experienced racism. Words such as 'alleged racism', 'perceived racism', 'claims of racism', 'claimed that the officer was racist', 'racially charged', 'racial tension', 'banter' or 'oversensitive' cast doubt on the account or soften what happened. Disclosures are recorded verbatim (5.12), so words inside quotation marks are the person's own and are not reported, and 'banter' quoted as the wrong response is a mention. Legal and process wording ('alleged perpetrator', 'racially aggravated', 'they feel they have experienced racism') is left alone.",
      examples: {
        bad: [
          'Chidi (10) claims to have experienced racism from a lunchtime supervisor.',
          'Staff described the incident as racially charged.',
          'The boys called Amir a monkey; the school sees this as banter.',
          'Mrs Owusu raises perceived racism at every review.',
        ],
        good: [
          'Chidi (10) told me a lunchtime supervisor was racist to him; I have recorded his words and logged it as a racist incident.',
          'The alleged perpetrator has been suspended while the enquiry takes place.',
          'Police are treating the attack as racially aggravated.',
          'Mrs Owusu feels she has experienced racism from the housing service, and we will look into this with her.',
          'He said: "They told me it was just banter."',
        ],
      },
    },
  },
  terms: TERMS,
  check,
});
