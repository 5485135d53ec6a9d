import { defineRule, type ExemptionReason, type ReportDescriptor, type RuleContext, type Severity } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';
import { isUnquotedMention, isUnquotedSelfDescription } from '../../src/parse/quotes.js';
import { wordsAfter, wordsBefore } from '../../src/nlp/label-context.js';

type Group = 'acronym' | 'ethnic-minority' | 'non-white' | 'people-of-colour';

interface Preset {
  /** The collective adjective offered instead ('global majority staff'); empty when the preset names none. */
  preferred: string;
  /** The same for a noun phrase naming people ('people from the global majority'). */
  people: string;
  /** What happens to each group: reported at the rule's severity, reported as info, or allowed. */
  groups: Record<Group, 'report' | 'info' | 'allow'>;
  source: string;
}

const REPORT_ALL: Preset['groups'] = { acronym: 'report', 'ethnic-minority': 'report', 'non-white': 'report', 'people-of-colour': 'report' };

/** One preset per guidance family the seed documents disagree across (TERMS.md 'ethnic-minority'). */
export const PRESETS: Record<string, Preset> = {
  'city-of-london': { preferred: 'global majority', people: 'people from the global majority', groups: REPORT_ALL, source: '001 Preface' },
  chscp: { preferred: 'ethnic minority', people: 'people from ethnic minority backgrounds', groups: { ...REPORT_ALL, 'ethnic-minority': 'allow' }, source: '002' },
  govuk: { preferred: 'ethnic minority', people: 'ethnic minorities', groups: { ...REPORT_ALL, 'ethnic-minority': 'allow' }, source: 'GOV.UK Race Disparity Unit' },
  legal: { preferred: 'racially minoritised', people: 'racially minoritised people', groups: { ...REPORT_ALL, 'ethnic-minority': 'info' }, source: 'Equal Treatment Bench Book, Bar Standards Board' },
  'nhs-rho': { preferred: '', people: '', groups: REPORT_ALL, source: 'NHS Race and Health Observatory' },
};

/** 'the BAME Staff Network', 'Ethnic Minority Achievement Service', 'our BME staff forum': names, not descriptions. */
const BODY_WORDS = 'Network|Forum|Group|Association|Council|Committee|Alliance|Service|Unit|Project|Fund|Trust|Board|Collective|Society|Partnership|Programme|Program|Grant|Scheme|Panel|Hub|Taskforce|Centre|Center|Foundation|Coalition|Caucus|Report|Review|Conference|Awards?';
const PROPER_NAME_AFTER = new RegExp(`^\\s+(?:[A-Z][\\w'’&-]*\\s+){0,3}(?:${BODY_WORDS})\\b`);
const NETWORK_AFTER = /^\s+(?:staff\s+|employee\s+|workers'?\s+|colleague\s+)?(?:network|forum|support group|steering group|reference group|staff group)\b/i;
/** 'Black, Asian and minority ethnic': the acronym spelt out. */
const SPELT_OUT_BEFORE = /\bBlack,?\s+(?:Asian,?\s+)?(?:and|&)\s+$/i;

export default defineRule({
  meta: {
    id: 'ethnic-minority',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [{ doc: '001_131b8ae94af47271.txt', clause: 'preface' }],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: {
      collective: '“{term}” lumps distinct communities together. {advice} {note}',
      acronym: '“{term}” is the BAME acronym spelt out; it lumps distinct communities together. {advice}',
    },
    options: {
      preset: {
        type: 'string',
        default: 'city-of-london',
        enum: Object.keys(PRESETS),
        description:
          "Which guidance decides the collective term: 'city-of-london' (global majority; 001 Preface), 'chscp' and 'govuk' (allow 'ethnic minority'), 'legal' (racially minoritised), 'nhs-rho' (no collective term: name the groups).",
      },
      preferred: {
        type: 'string',
        default: '',
        description: "The collective term to suggest instead of the preset's, e.g. 'racially minoritised'.",
      },
    },
    docs: {
      summary: "Avoid 'BAME', 'BME', 'ethnic minority', 'non-white' and 'people of colour'; name the groups, or say 'global majority'.",
      rationale:
        "The City of London standards do not use the term 'ethnic minority', because the people who experience the negative impacts of racism are the global majority (001 Preface). Government, ONS and NHS guidance also drop 'BAME' and 'BME' (they highlight some groups and not others, and few people understand them), 'non-white' (it defines people by what they are not) and 'people of colour'. Best of all is to name the specific groups you mean. Guidance disagrees about 'ethnic minority' itself, so the `preset` option chooses: 'city-of-london' (default), 'chscp' and 'govuk' allow it, 'legal' suggests 'racially minoritised', 'nhs-rho' offers no collective term. Names of staff networks and bodies ('BAME Staff Network') and words discussed rather than used are not reported.",
      examples: {
        bad: ['We will guarantee an interview to BAME applicants.', 'Uptake is low among ethnic minority carers.', 'Most children on the caseload are non-white.'],
        good: [
          'Uptake is low among carers of Bangladeshi and Somali heritage.',
          'The BAME Staff Network met on Tuesday.',
          "We no longer use the term 'BAME' in our reports.",
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'ethnic-minority/terms.yml'),
  check(doc, ctx) {
    const preset = PRESETS[String(ctx.options.preset)] ?? PRESETS['city-of-london'];
    const custom = typeof ctx.options.preferred === 'string' && ctx.options.preferred.trim() !== '' ? ctx.options.preferred.trim() : undefined;
    for (const hit of ctx.termHits()) {
      const handling = preset.groups[hit.term.group as Group];
      if (handling === 'allow') continue;
      const descriptor = describe(hit, doc.text, ctx, preset, custom);
      if (handling === 'info') descriptor.severity = 'info';
      const reason = notADescription(hit, doc.text);
      if (reason) ctx.exempt(descriptor, EXEMPTION[reason]?.kind ?? 'legitimate-sense', EXEMPTION[reason]?.why ?? reason);
      else ctx.report(descriptor);
    }
  },
});

const EXEMPTION: Record<string, { kind: ExemptionReason; why: string }> = {
  mention: { kind: 'mention', why: 'the word is being discussed, not used' },
  'self-description': { kind: 'self-description', why: "the person's own description of themselves (001 §2.2)" },
};

function notADescription(hit: TermHit, source: string): string | undefined {
  const after = wordsAfter(source, hit);
  // 'minority ethnic (BME) staff': the acronym only restates the words just reported.
  if (hit.term.id === 'bame' && /(?:ethnic|minority|minorities)\s*\(\s*$/i.test(wordsBefore(source, hit))) return 'the acronym of the words just before it';
  if (PROPER_NAME_AFTER.test(after) || NETWORK_AFTER.test(after)) return 'the name of a network or body';
  if (isUnquotedMention(source, hit)) return 'mention';
  if (isUnquotedSelfDescription(source, hit)) return 'self-description';
  return undefined;
}

function describe(hit: TermHit, source: string, ctx: RuleContext, preset: Preset, custom: string | undefined): ReportDescriptor {
  const before = wordsBefore(source, hit);
  const spelt = SPELT_OUT_BEFORE.exec(before);
  const start = spelt ? hit.span.start - (before.length - spelt.index) : hit.span.start;
  const span = { start, end: hit.span.end };
  const term = source.slice(span.start, span.end);
  const replacement = replacementFor(hit, preset, custom);
  const advice = replacement
    ? `Name the specific groups you mean, or say “${replacement}” (${custom ? 'your configuration' : preset.source}).`
    : `Name the specific groups you mean (${preset.source}).`;
  const descriptor: ReportDescriptor = {
    messageId: spelt ? 'acronym' : 'collective',
    span,
    data: { term, advice, note: hit.term.note ?? '' },
    suggest: replacement ? [suggestion(ctx, source, span, term, span.start === hit.sentence.span.start ? capitalise(replacement) : replacement)] : [],
  };
  if (hit.term.severity) descriptor.severity = hit.term.severity as Severity;
  return descriptor;
}

function replacementFor(hit: TermHit, preset: Preset, custom: string | undefined): string {
  const people = hit.term.form === 'people';
  if (!people) return custom ?? preset.preferred;
  // 'women of colour' → 'global majority women'; 'ethnic minorities' → 'people from the global majority'.
  const noun = /^(\S+)\s+of\s+colou?r$/i.exec(hit.text)?.[1];
  const adjective = custom ?? preset.preferred;
  if (noun && adjective) return `${adjective} ${noun.toLowerCase()}`;
  return custom ? `${custom} people` : preset.people;
}

/** Replaces the words, and 'an' before them when the replacement starts with a consonant ('an ethnic minority'). */
function suggestion(ctx: RuleContext, source: string, span: { start: number; end: number }, term: string, replacement: string) {
  const text = caseLike(term, replacement);
  const article = /\b(an?)\s+$/i.exec(source.slice(Math.max(0, span.start - 4), span.start));
  if (article) {
    const wanted = /^[aeiou]/i.test(text) ? 'an' : 'a';
    if (wanted !== article[1].toLowerCase()) {
      const start = span.start - article[0].length;
      const edit = ctx.replace({ start, end: span.end }, `${caseLike(article[1], wanted)} ${text}`);
      return { desc: `Replace with “${edit.text}”`, edit };
    }
  }
  return { desc: `Replace with “${text}”`, edit: ctx.replace(span, text) };
}

/** Capitalises the replacement when the original word starts with a capital, but never shouts an acronym's case. */
function caseLike(original: string, replacement: string): string {
  const initialCapital = /^\p{Lu}/u.test(original) && !/^\p{Lu}{2,}/u.test(original);
  return initialCapital ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
