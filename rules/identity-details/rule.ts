import type { Document, Sentence } from '../../src/document/types.js';
import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { lexiconHits } from '../../src/lexicon/index.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';

/**
 * A referral or assessment should say how the person describes their own ethnicity and culture, their
 * religion, their first language and, when it is not English, whether an interpreter was offered
 * (002 'Ask and Understand'; 001 §1.2, §1.3). This document rule reports each item the record does not
 * mention, once, at the top of the document. Evidence phrases are data (evidence.yml), not terms to flag.
 */
const evidence = new TermMatcher(loadTermsBeside(import.meta.url, 'evidence.yml'), 'identity-details/evidence.yml');

export const ITEMS = ['ethnicity', 'religion', 'culture', 'language', 'interpreter'] as const;
type Item = (typeof ITEMS)[number];

/** Words that make a following language name the person's language ('speaks Pashto'), not a nationality. */
const SPEAKING = new Set([
  'speaks', 'speak', 'spoke', 'speaking', 'understands', 'understand', 'reads', 'writes', 'fluent', 'in', 'communicates',
  'communicate', 'communicating', 'signs', 'uses', 'use',
]);
/** Verbs that report what a person said about themselves: 'she told me she is Somali'. */
const REPORTING = new Set(['says', 'said', 'told', 'tells', 'explained', 'explains', 'states', 'stated', 'shared', 'shares']);
const SELF_SUBJECTS = new Set(['she', 'he', 'they', 'i', 'we']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'am', "'s", "she's", "he's", "they're", "i'm"]);

function appliesTo(doc: Document, kinds: string[]): boolean {
  return doc.kind !== undefined && kinds.some((k) => doc.kind === k || doc.kind?.startsWith(`${k}-`));
}

/** 'speaks Pashto', 'First language: Polish', 'Language: Urdu': a language other than English is stated. */
function statesOtherLanguage(hits: TermHit[]): boolean {
  return hits.some((h) => {
    if (h.term.id !== 'language-name') return false;
    const tokens = h.sentence.tokens;
    const prev = tokens[h.first - 1];
    if (prev && SPEAKING.has(prev.normal) && prev.normal !== 'in') return true;
    // 'prefers to speak in Urdu', 'communicates in BSL' (but not 'information in Portuguese').
    const before = tokens[h.first - 2];
    if (prev?.normal === 'in' && before && SPEAKING.has(before.normal) && before.normal !== 'in') return true;
    // A 'first language' / 'language' label up to three words before: 'First language: Polish', 'language is Tigrinya'.
    return hits.some(
      (l) => l.sentence === h.sentence && (l.term.id === 'language-stated' || (l.term.id === 'language' && /^languages?$/i.test(l.text))) && l.last < h.first && h.first - l.last <= 3,
    );
  });
}

/**
 * 'Ms Osei told me she is Black British of Ghanaian heritage', 'He says he is Somali': the person's own account
 * of their origin, reported. A reporting verb, then the person and a copula, then an origin or ethnic word.
 */
function reportsOwnOrigin(doc: Document, s: Sentence): boolean {
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!REPORTING.has(tokens[i].normal)) continue;
    // 'told me that she is', 'said he is', 'says she's'
    for (let k = i + 1; k <= Math.min(tokens.length - 1, i + 4); k++) {
      const word = tokens[k].normal;
      const fused = /^(?:she's|he's|they're|i'm)$/.test(word);
      if (!fused && !(SELF_SUBJECTS.has(word) && COPULAS.has(tokens[k + 1]?.normal ?? ''))) continue;
      const from = fused ? k + 1 : k + 2;
      if (lexiconHits(s, doc.text).some((h) => h.entry.kind !== 'religion' && h.first >= from && h.first <= from + 4)) return true;
    }
  }
  return false;
}

function missingItems(doc: Document): Item[] {
  const hits = evidence.match(doc.sentences, doc.text);
  const found = new Set(hits.map((h) => h.term.id));
  if (doc.quotes.some((q) => q.kind === 'self-description')) found.add('ethnicity-own-words');
  if (!found.has('ethnicity-own-words') && doc.sentences.some((s) => reportsOwnOrigin(doc, s))) found.add('ethnicity-own-words');
  const otherLanguage = found.has('not-english') || statesOtherLanguage(hits);
  const languageStated = found.has('language') || found.has('language-stated') || otherLanguage || found.has('interpreter');
  const missing: Item[] = [];
  if (!found.has('ethnicity-own-words')) missing.push('ethnicity');
  if (!found.has('religion')) missing.push('religion');
  if (!found.has('culture')) missing.push('culture');
  if (!languageStated) missing.push('language');
  if (otherLanguage && !found.has('interpreter')) missing.push('interpreter');
  return missing;
}

function check(doc: Document, ctx: RuleContext): void {
  const kinds = ctx.options.kinds as string[];
  const required = new Set(ctx.options.require as string[]);
  const top = doc.sentences[0];
  if (!top || !appliesTo(doc, kinds)) return;
  for (const item of missingItems(doc)) {
    if (!required.has(item)) continue;
    ctx.report({ messageId: item, span: top.span, data: { kind: doc.kind ?? 'record' }, ignoreQuotes: true });
  }
}

export default defineRule({
  meta: {
    id: 'identity-details',
    category: 'ask-and-understand',
    severity: 'warning',
    standards: [
      { doc: '002_57226db87f2296f3.txt', clause: 'Ask and Understand' },
      { doc: '001_131b8ae94af47271.txt', clause: '1.2' },
      { doc: '001_131b8ae94af47271.txt', clause: '1.3' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.4' },
    ],
    fix: 'none',
    needs: ['sentences', 'quotes'],
    scope: 'document',
    // A referral or assessment says so in its front matter, the configuration or its title: the batch pre-scan
    // parses whole documents of those kinds only.
    triggers: { kindsOption: 'kinds' },
    messages: {
      ethnicity: 'This {kind} does not record how the person describes their own ethnicity and culture, in their own words (001 §1.3); a recorded refusal to say is an answer too.',
      religion: 'This {kind} does not record religion or faith (or that the person has none); referrals always include it (002 Ask and Understand).',
      culture: 'This {kind} does not record the family’s culture or heritage (002 Ask and Understand).',
      language: 'This {kind} does not record the person’s first language, or whether an interpreter was offered (001 §1.2).',
      interpreter: 'This {kind} records a first language other than English but not whether an interpreter was offered in that language, or the outcome (001 §1.2).',
    },
    options: {
      kinds: { type: 'string[]', default: ['referral', 'assessment'], description: 'Document kinds (front matter `type`, config `kind` or title) the rule checks.' },
      require: { type: 'string[]', default: [...ITEMS], description: `Which items to require: ${ITEMS.join(', ')}.` },
    },
    docs: {
      summary: "Referrals and assessments record identity in the person's own words, religion and language.",
      rationale:
        "The Active Anti-Racism charter (002, 'Ask and Understand') asks that referrals always include a family's ethnicity, culture and religion, and that we ask whether English is their first language and, if not, always offer an interpreter in their preferred language (001 §1.2). Standard 1.3 asks people to describe in their own words how they self-identify their culture and ethnicity, and 2.4 to record specific origins. This document rule runs only on referrals and assessments (front matter `type: referral`, a configured `kind`, or a title such as 'Referral from …') and reports, once each at the top of the document, the items the record does not mention. A recorded refusal ('declined to say') counts as recorded.",
      exampleFormat: 'markdown',
      examples: {
        bad: [
          '---\ntype: referral\n---\n# Referral from Oakfield Primary\n\nJoel (8) has been coming to school hungry. His mother, Ms Grant, works nights.',
          '# Assessment: Mr Haddad\n\nMr Haddad describes himself as "Syrian Kurdish". He is a practising Muslim and celebrates Kurdish new year with his family. He speaks Kurmanji.',
        ],
        good: [
          '---\ntype: referral\n---\n# Referral from Oakfield Primary\n\nJoel (8) describes himself as "Black British, my mum is from Jamaica". The family are Seventh-day Adventists and keep the Sabbath; Jamaican heritage and food matter to them. First language: English.',
          '# Case note: home visit\n\nJoel (8) showed me his new bike.',
        ],
      },
    },
  },
  check,
});
