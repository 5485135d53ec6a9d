import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { PrescanLinter } from '../../src/audit/lint-record.js';
import { TriggerScanner, trieSource } from '../../src/audit/prescan.js';
import { hiddenWords } from '../../src/terms/trie.js';
import { configForFile, type UserConfig } from '../../src/config/config.js';
import type { Document, DocumentFormat, Span } from '../../src/document/types.js';
import type { Finding } from '../../src/engine/lint.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import { lintDocumentText } from '../../src/linter.js';
import { parseDocument } from '../../src/parse/index.js';
import { TermMatcher } from '../../src/terms/compile.js';

/**
 * The pre-scan must never lose or change a finding: whatever the rules declare, linting with it gives exactly
 * what a full parse gives. Checked on the labelled dev corpus (all rules on), on synthetic rules using every
 * kind of trigger, and on generated text for the segmentation itself.
 */

interface DevCase {
  id: string;
  kind: string;
  text: string;
}
const devCases: DevCase[] = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DevCase);
const formatOf = (c: DevCase): DocumentFormat => (c.kind === 'policy' ? 'markdown' : 'text');
/** Our own labelled cases, written independently of the rules (fixtures/eval). */
const ownCases: DevCase[] = ['extra.jsonl', 'redteam.jsonl'].flatMap((file) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'eval', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevCase),
);

const comparable = (findings: Finding[]) =>
  findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, message: f.message, severity: f.severity, span: f.span, fix: f.fix, suggestions: f.suggestions }));

function compareWithFullParse(text: string, format: DocumentFormat, ruleSet: readonly Rule[], user: UserConfig = {}) {
  const full = lintDocumentText(text, { format, rules: ruleSet, config: user });
  const linter = new PrescanLinter(ruleSet, configForFile(user, ruleSet, undefined));
  const fast = linter.lint(text, { format });
  expect(comparable(fast.findings), text).toEqual(comparable(full.findings));
  expect(comparable(fast.suppressed), text).toEqual(comparable(full.suppressed));
  expect(fast.suppressed.map((s) => s.suppressions)).toEqual(full.suppressed.map((s) => s.suppressions));
  return { full, fast };
}

// Synthetic rules covering each way a rule can declare what it matches.
const termsRule = defineRule({
  meta: {
    id: 'test-terms',
    category: 'test',
    severity: 'warning',
    standards: [],
    fix: 'none',
    needs: ['sentences', 'quotes'],
    messages: { hit: '{term}' },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  terms: new TermMatcher([
    { id: 'reach', match: ['hard to reach'] },
    { id: 'engage', match: ["failed|refused to engage", "didn't engage", 'non-engagement'] },
    { id: 'caste', match: ['half-caste|half-breed'] },
    { id: 'label', match: ['aggressive|hostile|volatile', 'emotionally unavailable'] },
    { id: 'acronym', match: ['BAME|BME'] },
    { id: 'race', match: ['race', 'racial background|origin'] },
  ]),
  check(_doc, ctx) {
    for (const hit of ctx.termHits()) ctx.report({ messageId: 'hit', span: hit.span, data: { term: hit.text } });
  },
});

const patternRule = defineRule({
  meta: {
    id: 'test-pattern',
    category: 'test',
    severity: 'info',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    messages: { caps: 'abbreviation {term} in a sentence of {n} words' },
    triggers: { pattern: '\\b[A-Z]{2,5}\\b' },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    for (const sentence of doc.sentences) {
      for (const token of sentence.tokens) {
        if (/^[A-Z]{2,5}$/.test(token.text)) ctx.report({ messageId: 'caps', span: token.span, data: { term: token.text, n: sentence.tokens.length } });
      }
    }
  },
});

/** Reads the whole document once a trigger occurs: the pre-scan must then parse everything. */
const documentRule = defineRule({
  meta: {
    id: 'test-document',
    category: 'test',
    severity: 'warning',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    scope: 'document',
    messages: { short: 'referral of {n} sentences' },
    triggers: { words: ['referral'] },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    if (!/\breferral\b/i.test(doc.text)) return;
    if (doc.sentences.length < 4) ctx.report({ messageId: 'short', span: doc.sentences[0]?.tokens[0]?.span ?? { start: 0, end: 0 }, data: { n: doc.sentences.length } });
  },
});

const alwaysRule = defineRule({
  meta: {
    id: 'test-always',
    category: 'test',
    severity: 'info',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    messages: { long: 'sentence of {n} words' },
    triggers: 'always',
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    for (const s of doc.sentences) if (s.tokens.length > 25) ctx.report({ messageId: 'long', span: s.span, data: { n: s.tokens.length } });
  },
});

/** 'claimed' with 'racist' in one sentence; a finding also needs a cue word within two sentences either side. */
const togetherRule = defineRule({
  meta: {
    id: 'test-together',
    category: 'test',
    severity: 'warning',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    messages: { claim: 'claim with {n} cue sentences near' },
    triggers: { together: [[['claimed', 'alleged'], ['racist', 'racism']]], context: { before: 2, after: 2 } },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    for (const s of doc.sentences) {
      const words = s.tokens.map((t) => t.normal);
      if (!words.some((w) => w === 'claimed' || w === 'alleged') || !words.some((w) => w === 'racist' || w === 'racism')) continue;
      const near = doc.sentences.slice(Math.max(0, s.index - 2), s.index + 3).filter((n) => n.tokens.some((t) => t.normal === 'cue')).length;
      ctx.report({ messageId: 'claim', span: s.tokens[0].span, data: { n: near } });
    }
  },
});

/** 'race' unless 'race equality'; reports how many sentences of the record give an age (record-wide evidence). */
const evidenceRule = defineRule({
  meta: {
    id: 'test-evidence',
    category: 'test',
    severity: 'warning',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    messages: { race: 'race in a record with {n} age sentences' },
    triggers: { words: ['race'], unless: 'race\\s+equality', evidence: { pattern: '\\d', words: ['aged'] } },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    const ages = doc.sentences.filter((s) => s.tokens.some((t) => /\d/.test(t.text) || t.normal === 'aged')).length;
    for (const s of doc.sentences) {
      s.tokens.forEach((t, i) => {
        if (t.normal === 'race' && s.tokens[i + 1]?.normal !== 'equality') ctx.report({ messageId: 'race', span: t.span, data: { n: ages } });
      });
    }
  },
});

/** Checks whole referrals (kind from the title, front matter or configuration) and nothing else. */
const kindRule = defineRule({
  meta: {
    id: 'test-kind',
    category: 'test',
    severity: 'warning',
    standards: [],
    fix: 'none',
    needs: ['sentences'],
    scope: 'document',
    messages: { count: '{kind} of {n} sentences' },
    triggers: { kindsOption: 'kinds' },
    options: { kinds: { type: 'string[]', default: ['referral'], description: '' } },
    docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
  },
  check(doc, ctx) {
    const kinds = ctx.options.kinds as string[];
    if (doc.kind && kinds.includes(doc.kind)) ctx.report({ messageId: 'count', span: { start: 0, end: 1 }, data: { kind: doc.kind, n: doc.sentences.length } });
  },
});

const SYNTHETIC = [termsRule, patternRule, documentRule];
const DECLARED = [togetherRule, evidenceRule, kindRule];

describe('pre-scan equivalence on the labelled dev corpus', () => {
  it('gives the same findings and suppressions as a full parse, with every built-in rule on', () => {
    let lessParsed = 0;
    for (const c of devCases) {
      const { fast, full } = compareWithFullParse(c.text, formatOf(c), rules, { preset: 'strict' });
      if (!fast.doc || fast.doc.sentences.length < full.doc.sentences.length) lessParsed++;
    }
    expect(devCases.length).toBeGreaterThan(50);
    for (const c of ownCases) compareWithFullParse(c.text, formatOf(c), rules, { preset: 'strict' });
    expect(ownCases.length).toBeGreaterThan(100);
    // Not vacuous: for some texts the pre-scan parsed less than the whole document (or nothing at all).
    expect(lessParsed).toBeGreaterThan(0);
  });

  it('gives the same findings with synthetic term, pattern and whole-document rules', () => {
    for (const c of devCases) compareWithFullParse(c.text, formatOf(c), SYNTHETIC);
  });

  it('runs the terms of the configuration (phrases, and patterns on every sentence)', () => {
    const phrases: UserConfig = { terms: [{ id: 'service-user', match: ['service user|users'] }] };
    const patterns: UserConfig = { terms: [{ id: 'non-compliant', pattern: '\\bnon-?complian(?:t|ce)\\b' }] };
    const text = 'Visit today.\nThe service user was seen. Mother was non-compliant with the plan.';
    expect(compareWithFullParse(text, 'text', rules, phrases).fast.findings.some((f) => f.ruleId === 'custom-terms')).toBe(true);
    expect(compareWithFullParse(text, 'text', rules, patterns).fast.findings.some((f) => f.ruleId === 'custom-terms')).toBe(true);
  });

  it('parses everything when a rule runs on every document', () => {
    for (const c of devCases.slice(0, 30)) {
      const { fast, full } = compareWithFullParse(c.text, formatOf(c), [termsRule, alwaysRule]);
      expect(fast.doc?.sentences.length).toBe(full.doc.sentences.length);
    }
  });

  it('segments only the candidate sentences otherwise', () => {
    let partial = 0;
    for (const c of devCases) {
      const { fast, full } = compareWithFullParse(c.text, formatOf(c), [termsRule, patternRule]);
      if (fast.doc && fast.doc.sentences.length < full.doc.sentences.length) partial++;
    }
    expect(partial).toBeGreaterThan(10);
  });
});

describe('pre-scan equivalence on records assembled from labelled sentences', () => {
  // Sentences of every labelled case, recombined: context rules (pronouns, ages, nearby cues, combinations)
  // then meet neighbours and evidence they never had in their own case.
  const sentences = [...devCases, ...ownCases].flatMap((c) => c.text.split(/(?<=[.!?])\s+|\n+/)).filter((t) => t.trim());
  const joins = [' ', ' ', '\n', '\n\n'];
  const record = fc
    .array(fc.tuple(fc.constantFrom(...sentences), fc.constantFrom(...joins)), { minLength: 2, maxLength: 16 })
    .map((parts) => parts.map(([t, j]) => t + j).join(''));

  it('gives the same findings on records the property below once found wrong', () => {
    const found = [
      // stereotype reads the sentence before 'these communities'
      'First language: Polish. Home visit 14/03/2024 - Tyler Bennett (9) and his mother, Ms Kerry Bennett. Staff are worried that Yusuf (2) is not yet walking, but in these communities toddlers are often carried, so it may be nothing.',
      // generic-ethnicity reads the other sentences of a form field's line
      'He speaks Ukrainian and Russian and would like an interpreter for meetings; one has been booked. Race: White British. Home visit 14/03/2024 - Tyler Bennett (9) and his mother, Ms Kerry Bennett.',
    ];
    for (const text of found) compareWithFullParse(text, 'text', rules, { preset: 'strict' });
  });

  it('reads a form line whole only where a field label comes before the word, and prose one sentence at a time', () => {
    const lines = [
      'Ethnicity: Black African. Country of birth: Nigeria.',
      'Mother (maternal): White Other. Born in Poland.',
      'Dad – Black. Nationality: Ghanaian.',
      'Seen today. Ethnicity: Black African. Country of birth: Nigeria.',
      'Ethnicity:\nBlack African. Country of birth: Nigeria.',
      'Ethnic origin - White and Black Caribbean. Parents born in Jamaica and Ireland.',
      'Black African – ethnicity recorded. Country of birth: Nigeria.',
      'He is Black. He was born in Ghana and moved here in 2010.',
      'Ms A is a well-known Black artist. She was born in Ghana.',
      'Grandmother: Black Caribbean (born in Jamaica). Grandfather: White British.',
    ];
    for (const text of lines) compareWithFullParse(text, 'text', rules, { preset: 'strict' });
    // One enormous line: the label is looked for in the last few thousand characters only, else the line is read.
    const long = 'He is Black and she is White. '.repeat(300) + 'Ethnicity: Black African. Country of birth: Nigeria.\r\nMother: White. Born in Poland.';
    compareWithFullParse(long, 'text', rules, { preset: 'strict' });
    const config = configForFile({}, rules, undefined);
    const linter = new PrescanLinter(rules, config);
    const parsed = (text: string) => linter.lint(text).doc!.sentences.map((s) => text.slice(s.span.start, s.span.end));
    expect(parsed('Ethnicity: Black African. Country of birth: Nigeria.')).toEqual(['Ethnicity: Black African.', 'Country of birth: Nigeria.']);
    expect(parsed('He is Black. He was born in Ghana and moved here in 2010.')).toEqual(['He is Black.']);
  });

  it('gives the same findings with every built-in rule and the synthetic declarations', () => {
    fc.assert(
      fc.property(record, (t) => {
        compareWithFullParse(t, 'text', rules, { preset: 'strict' });
        compareWithFullParse(t, 'text', DECLARED);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 600_000);
});

describe('TriggerScanner.mayTrigger (one pass over a chunk of records)', () => {
  const config = configForFile({ preset: 'strict' }, rules, undefined);
  const scanner = new TriggerScanner(rules.filter((r) => config.rules[r.meta.id]?.severity !== 'off'), { config });
  const sentences = [...devCases, ...ownCases].flatMap((c) => c.text.split(/(?<=[.!?])\s+|\n+/)).filter((t) => t.trim());
  const records = fc.array(
    fc.array(fc.constantFrom(...sentences, 'Nothing of note.', 'Home visit completed.', 'Referral from school', '_mixed_ race'), { minLength: 1, maxLength: 6 }).map((s) => s.join(' ')),
    { minLength: 1, maxLength: 30 },
  );

  it('marks exactly the records the scanner would find a candidate in', () => {
    fc.assert(
      fc.property(records, (texts) => {
        const flags = scanner.mayTrigger(texts);
        texts.forEach((t, i) => expect(flags[i], t).toBe(scanner.scan(t).rules.length > 0));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('leaves clean records unmarked, and loses no match that runs into the next record', () => {
    expect(scanner.mayTrigger(['Home visit completed.', 'Mother is mixed race.', 'Nothing of note.'])).toEqual([false, true, false]);
    const spanning = new TriggerScanner([defineRule({ ...patternRule, meta: { ...patternRule.meta, triggers: { pattern: 'a[\\s\\S]*?b' } } })]);
    expect(spanning.mayTrigger(['xa', 'b', 'ab', 'c'])).toEqual([true, true, true, false]);
    expect(new TriggerScanner([alwaysRule]).mayTrigger(['x', 'y'])).toEqual([true, true]);
  });
});

describe('pre-scan equivalence on generated text', () => {
  const fragments = [
    'Mr. Shah', 'Dr. Okafor', 'e.g. the school', 'etc.', 'approx. 3 km', 'No. 4', 'U.K.', 'J. Smith', 'St. Ann’s',
    'she said', '“I am not aggressive,”', '"hard to reach"', "'volatile'", '‘BAME’', 'the term “race”',
    'describes herself as "half-caste"', 'The family', 'Mother', 'Riley (7)', 'refused to engage', 'failed to engage',
    'non-engagement', 'hard-to-reach', 'racial background', 'race equality plan', 'BME staff', 'the CIN plan', 'NFA',
    'emotionally unavailable', 'hostile', 'was', 'is', 'and', 'because', 'referral', 'visited', 'at home', '(see notes)',
    'didn’t engage', 'didn\'t engage', 'mixed-race', 'assessment', 'yesterday', 'appointments',
    'Mrs.', 'Ms.', 'Jan.', 'Sept.', 'May', 'Ghana', 'NHS', 'Calif.', 'Gov.', 'Inc.', 'Ltd.', 'Mt.', 'No.', 'Gen.', 'Co.',
    'O’Neill', 'St', 'US', 'U.S.', 'in', 'am', 'p.m.', 'ibid', 'ca', 'COVID-19', 'Year 10', '3', '2019',
    'I', 'A', 'I asked', 'A referral', 'A.B.', 'I. Patel', 'Plan B', 'X', 'AB', 'Ä', 'É', 'Ω', 'UK', 'I’m', 'A-level',
  ];
  const ends = ['.', '. ', '! ', '? ', '.\n', ' ', ', ', ': ', '\n\n', '… ', '." ', '.” ', '?! ', ' - '];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom(...ends), fc.boolean()), { minLength: 1, maxLength: 40 })
    .map((parts) => parts.map(([w, e, cap]) => (cap ? w[0].toUpperCase() + w.slice(1) : w) + e).join(''));

  it('gives the same findings as a full parse', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<DocumentFormat>('text', 'markdown'), (t, format) => {
        compareWithFullParse(t, format, SYNTHETIC);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  }, 120_000);

  it('segments candidate sentences and their quotations exactly as a whole-block parse does', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, picks) => {
        const words = [...t.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        const candidates = [...new Set(picks.map((p) => p % Math.max(1, words.length)))].sort((a, b) => a - b).flatMap((i) => (words[i] ? [words[i]] : []));
        expectSameSegmentation(t, candidates);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  }, 120_000);
});

function expectSameSegmentation(text: string, candidates: Span[]): void {
  const full = parseDocument(text);
  const partial = parseDocument(text, { candidates: () => candidates });
  const sentenceKey = (d: Document) => new Map(d.sentences.map((s) => [`${s.span.start}:${s.span.end}`, JSON.stringify(s.tokens.map((k) => [k.span, k.normal, k.parts]))]));
  const fullSentences = sentenceKey(full);
  for (const [span, tokens] of sentenceKey(partial)) expect(fullSentences.get(span), `sentence ${span} of ${JSON.stringify(text)}`).toBe(tokens);
  for (const s of full.sentences) {
    if (candidates.some((c) => c.start < s.span.end && s.span.start < c.end)) {
      expect(partial.sentences.some((p) => p.span.start === s.span.start && p.span.end === s.span.end), JSON.stringify(text)).toBe(true);
    }
  }
  const fullQuotes = new Set(full.quotes.map((q) => JSON.stringify(q)));
  for (const q of partial.quotes) expect(fullQuotes.has(JSON.stringify(q)), JSON.stringify(q)).toBe(true);
  for (const q of full.quotes) {
    if (candidates.some((c) => q.span.start <= c.start && c.end <= q.span.end)) expect(partial.quotes.map((p) => JSON.stringify(p))).toContain(JSON.stringify(q));
  }
  expect(partial.blocks.map((b) => [b.span, b.kind, b.depth])).toEqual(full.blocks.map((b) => [b.span, b.kind, b.depth]));
}

describe('segmenting candidate windows', () => {
  it('keeps sentences that run past abbreviations, initials and lower-case starts whole', () => {
    const text = 'We met Dr. Okafor at home. He said approx. 3 people came. The visit ended at 4 p.m. and the family left. Mother is hostile.';
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    expectSameSegmentation(text, [at('Okafor')]);
    expectSameSegmentation(text, [at('people')]);
    expectSameSegmentation(text, [at('family')]);
    const doc = parseDocument(text, { candidates: () => [at('hostile')] });
    expect(doc.sentences.map((s) => text.slice(s.span.start, s.span.end))).toEqual(['Mother is hostile.']);
  });

  it('never cuts inside a quotation', () => {
    const text = 'She wrote: "Staff were kind. Then one was hostile. We left." Nothing else happened today.';
    const at = text.indexOf('hostile');
    const doc = parseDocument(text, { candidates: () => [{ start: at, end: at + 7 }] });
    expect(doc.quotes).toHaveLength(1);
    expect(doc.sentences[0].span.start).toBe(0);
    expectSameSegmentation(text, [{ start: at, end: at + 7 }]);
  });

  it('segments nothing when there is no candidate', () => {
    expect(parseDocument('Mother is hostile.', { candidates: () => [] }).sentences).toEqual([]);
  });
});

describe('TriggerScanner', () => {
  const scanner = new TriggerScanner(SYNTHETIC);
  const words = (text: string) => scanner.scan(text).hits.map((h) => text.slice(h.start, h.end));

  it('finds whole words in any case, curly apostrophes and hyphenated parts, never parts of longer words', () => {
    expect(words('Hard work, hard-to-reach, refused; didn’t; non-engagement')).toEqual(['reach', 'didn’t', 'engagement']);
    expect(words('HARD CIN')).toEqual(['HARD', 'CIN']);
    expect(words('Grace races through the terrace; a racecourse.')).toEqual([]);
    expect(words('A race. Racial. bame')).toEqual(['race', 'Racial', 'bame']);
  });

  it('reports which rules may match, and whether one reads the whole document', () => {
    expect(scanner.scan('Nothing to see.').rules).toEqual([]);
    expect(scanner.scan('The CIN plan.').rules.map((r) => r.meta.id)).toEqual(['test-pattern']);
    const referral = scanner.scan('Referral about a hostile parent.');
    expect(referral.rules.map((r) => r.meta.id)).toEqual(['test-terms', 'test-document']);
    expect(referral.wholeDocument).toBe(true);
    expect(new TriggerScanner([alwaysRule]).scan('anything').rules).toEqual([alwaysRule]);
    expect(new TriggerScanner([]).isEmpty).toBe(true);
    // What the bench hands to ripgrep: the words and patterns every record is searched for.
    expect(scanner.lookedFor().patterns).toEqual(['\\b[A-Z]{2,5}\\b']);
    expect(scanner.lookedFor().words).toEqual(expect.arrayContaining(['reach', 'referral']));
  });

  it('knows which words one scan might not report everywhere: those another match could cover', () => {
    // Letters and digits only: never.
    expect(hiddenWords(['race', 'racist', 'racial', 'mixed', 'raced'])).toEqual([]);
    // "doesn" ends inside "doesn't"; "t-shirt" may start inside "won't"; "e.g" may start inside "b.m.e".
    expect(hiddenWords(['doesn', "doesn't"]).sort()).toEqual(['doesn', "doesn't"]);
    expect(hiddenWords(["won't", 't-shirt', 'tall']).sort()).toEqual(['t-shirt', "won't"]);
    expect(hiddenWords(['b.m.e', 'e.g', 'me']).sort()).toEqual(['b.m.e', 'e.g']);
    // "won't" is only matched where a boundary follows it, so "tall" cannot start inside it.
    expect(hiddenWords(["won't", 'tall'])).toEqual([]);
  });

  it('finds what comparing every pair of words finds', () => {
    const isWord = (ch: string) => /[A-Za-z0-9_]/.test(ch);
    const boundary = (w: string, k: number) => isWord(w[k - 1]) !== isWord(w[k]);
    const everyPair = (words: string[]) => {
      const hidden = new Set<string>();
      for (const outer of words) {
        for (let k = 1; k < outer.length; k++) {
          if (!boundary(outer, k)) continue;
          const tail = outer.slice(k);
          for (const inner of words) {
            if (inner === outer) continue;
            const sameStart = inner === outer.slice(0, k);
            const runsOn = inner.startsWith(tail) && (inner.length === tail.length || boundary(inner, tail.length));
            const endsInside = tail.startsWith(inner) && inner.length < tail.length && boundary(tail, inner.length);
            if (sameStart || runsOn || endsInside) hidden.add(inner).add(outer);
          }
        }
      }
      return [...hidden].sort();
    };
    const word = fc.stringMatching(/^[abt'. -]{1,6}$/).filter((w) => /^[abt]/.test(w));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 12 }), (words) => {
        expect(hiddenWords(words).sort()).toEqual(everyPair(words));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides the built-in combinations from positions found in one scan', () => {
    const config = configForFile({ preset: 'strict' }, rules, undefined);
    expect(new TriggerScanner(rules.filter((r) => config.rules[r.meta.id]?.severity !== 'off'), { config }).exactCombinations).toBe(true);
  });

  it('compiles a word list into a trie-shaped expression that matches exactly the words', () => {
    const list = ['race', 'racial', 'racially', 'r', "don't", 'a.b'];
    const re = new RegExp(`^${trieSource(list)}$`, 'i');
    for (const w of [...list, 'don’t', 'RACE']) expect(re.test(w), w).toBe(true);
    for (const w of ['rac', 'races', 'racia', 'axb', 'don t']) expect(re.test(w), w).toBe(false);
  });
});

describe('TriggerScanner combinations decided from positions', () => {
  // Words with boundaries inside them ("won't", "e.g", "at times", "métis") next to words that can start or end
  // at those boundaries ("t-shirt", "g", "times", "tis"): where one match can cover another.
  const POOL = ['claimed', 'racist', 'home', 'tall', 'shirt', 'me', 'eg', 'won', 't', 'g', "won't", 't-shirt', 'e.g', 'b.m.e', "doesn't", 'doesn', 'métis', 'tis', 'at times', 'times', 'côte', 'te', "baha'i", 'i', 'x-ray', 'ray'];
  const FILLERS = ['The', 'she', 'said', 'Mr', 'It', '.', '. ', '! ', '? ', ', ', '\n', '\n\n', 'e.g.', '’', '"', '_', '-'];
  const words = fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 3 });
  const rule = fc
    .record({ triggers: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 2 }), together: fc.array(fc.array(words, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 2 }) })
    .map(({ triggers, together }) => defineRule({ ...togetherRule, meta: { ...togetherRule.meta, triggers: { words: triggers, together } } }));
  const piece = fc.oneof(fc.constantFrom(...POOL), fc.constantFrom(...POOL).map((w) => w[0].toUpperCase() + w.slice(1)), fc.constantFrom(...FILLERS));
  const text = fc.tuple(fc.array(piece, { maxLength: 24 }), fc.boolean()).map(([parts, curly]) => parts.join(' ').replace(/'/g, curly ? '’' : "'"));

  it('finds the same candidates as searching each gate’s sentence, and marks exactly the records that hold one', () => {
    fc.assert(
      fc.property(rule, fc.array(text, { minLength: 1, maxLength: 8 }), (r, texts) => {
        const fast = new TriggerScanner([r]);
        const slow = new TriggerScanner([r], { exactCombinations: false });
        for (const t of texts) expect(fast.scan(t), t).toEqual(slow.scan(t));
        const marked = fast.mayTrigger(texts);
        // Exactly when positions decide; a superset when a gate word could be covered (then every gate marks).
        texts.forEach((t, i) => {
          const found = fast.scan(t).rules.length > 0;
          expect(fast.exactCombinations ? marked[i] === found : marked[i] || !found, JSON.stringify(t)).toBe(true);
        });
        slow.mayTrigger(texts).forEach((flag, i) => expect(flag || !marked[i], JSON.stringify(texts[i])).toBe(true));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});

describe('TriggerScanner declarations', () => {
  const scanner = new TriggerScanner(DECLARED);
  const ids = (text: string) => scanner.scan(text).rules.map((r) => r.meta.id);

  it('looks for the least common word of each terms.yml phrase', () => {
    const anchors = new TermMatcher([
      { id: 'a', match: ['hard to reach', 'the family is known'] },
      { id: 'b', match: ['racist * abuse'] },
    ]).triggerWords();
    // 'the family is known': every word is common; the longest is taken.
    expect(anchors.sort()).toEqual(['abuse', 'family', 'reach']);
  });

  it('needs a word of every list of a combination within one sentence', () => {
    expect(ids('Ms A claimed the officer was racist.')).toEqual(['test-together']);
    expect(ids('Ms A claimed benefits. The officer was racist.')).toEqual([]);
    expect(ids('Ms A claimed benefits.')).toEqual([]);
  });

  it('marks a record for a combination only when one sentence holds it, in one pass as in scan', () => {
    expect(scanner.exactCombinations).toBe(true);
    const texts = ['Ms A claimed benefits. The officer was racist.', 'Ms A claimed the officer was racist.', 'Racist, Ms A claimed. No.', 'Ms A claimed benefits.'];
    expect(scanner.mayTrigger(texts)).toEqual([false, true, true, false]);
    // A record must hold a gate word to be a candidate: the other lists' words are not what it is searched for.
    expect(scanner.lookedFor().words).toContain('claimed');
    expect(scanner.lookedFor().words).not.toContain('racism');
  });

  it('looks in the sentence for a word another word could cover, and decides the slow way when a gate could be covered', () => {
    const together = (words: string[], lists: string[][][]) =>
      defineRule({ ...togetherRule, meta: { ...togetherRule.meta, id: `test-${words.join('-')}`, triggers: { words, together: lists } } });
    // "t-shirt" could start inside "won't" ("won't-shirt"): "won't" is found by testing the sentence instead.
    const covered = new TriggerScanner([together(['t-shirt'], [[['claimed'], ["won't", 'racist']]])]);
    expect(covered.exactCombinations).toBe(true);
    const texts = ['She claimed he won’t stop.', 'She claimed it. He won’t stop.', 'She wore a t-shirt.', 'Nothing.'];
    expect(covered.mayTrigger(texts)).toEqual([true, false, true, false]);
    expect(texts.map((t) => covered.scan(t).rules.length > 0)).toEqual([true, false, true, false]);
    // A gate word that another could cover ("e.g" inside "b.m.e.g"): every record with a gate is marked, scan decides.
    const slow = new TriggerScanner([together(['b.m.e'], [[['e.g'], ['claimed']]])]);
    expect(slow.exactCombinations).toBe(false);
    expect(slow.mayTrigger(['e.g. she claimed it.', 'e.g. nothing. She claimed it.'])).toEqual([true, true]);
    expect(['e.g. she claimed it.', 'e.g. nothing. She claimed it.'].map((t) => slow.scan(t).rules.length)).toEqual([1, 0]);
  });

  it('widens a candidate by the context the rule reads, and adds its evidence sentences', () => {
    const text = 'One. Two cue. Three. Ms A claimed it was racist. Five. Six cue. Seven.';
    const hit = scanner.scan(text).hits;
    expect(hit).toEqual([{ start: text.indexOf('Two'), end: text.indexOf(' Seven') }]);
    const aged = 'Kofi is 13. Nothing here. The race was discussed. Mr B is aged forty.';
    expect(scanner.scan(aged).hits.map((h) => aged.slice(h.start, h.end))).toEqual(['1', '3', 'race', 'aged']);
  });

  it('skips a trigger word where the rule can never report it', () => {
    expect(ids('The race equality plan.')).toEqual([]);
    expect(ids('The race of the child.')).toEqual(['test-evidence']);
  });

  it('runs a kind-gated rule on whole documents of that kind only', () => {
    expect(scanner.scan('Referral from school\n\nA short note.')).toMatchObject({ wholeDocument: true });
    expect(ids('Referral from school\n\nA short note.')).toEqual(['test-kind']);
    expect(ids('A referral was made to the food bank.')).toEqual([]);
    expect(ids('---\ntype: referral\n---\nText.')).toEqual(['test-kind']);
    expect(new TriggerScanner(DECLARED, { kind: 'referral' }).scan('Text.').rules.map((r) => r.meta.id)).toEqual(['test-kind']);
  });

  it('gives the same findings as a full parse on the dev corpus and on the cases above', () => {
    const texts = [
      ...devCases.map((c) => c.text),
      'One cue. Two. Three. Four. Ms A claimed it was racist. Five. Six cue. Seven cue.',
      'Kofi (13) was seen. Nothing. Nothing. Nothing. Nothing. He is aged 14. The race of the child. The race equality plan.',
      'Referral from school\n\nOne. Two. Three.',
    ];
    for (const text of texts) compareWithFullParse(text, 'text', DECLARED);
  });
});

describe('abbreviation lists copied from parse-english and parse-latin', () => {
  it('match the installed packages', async () => {
    const { ENGLISH_ABBREVIATIONS, ENGLISH_ABBREVIATIONS_SENSITIVE, LATIN_ABBREVIATIONS } = await import('../../src/parse/partial.js');
    const modules = join(import.meta.dirname, '..', '..', 'node_modules');
    const english = readFileSync(join(modules, 'parse-english', 'lib', 'regex.js'), 'utf8');
    expect(english).toContain(`export const abbreviations =\n  /${ENGLISH_ABBREVIATIONS.source}/`);
    expect(english).toContain(`export const abbreviationsSensitive =\n  /${ENGLISH_ABBREVIATIONS_SENSITIVE.source}/`);
    const latin = readFileSync(join(modules, 'parse-latin', 'lib', 'plugin', 'merge-prefix-exceptions.js'), 'utf8');
    const expression = latin.slice(latin.indexOf('new RegExp('), latin.indexOf(')$') + 3);
    const words = [...expression.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
    expect(words).toBe(LATIN_ABBREVIATIONS.source);
  });
});

describe('TriggerScanner word boundaries', () => {
  it('finds words parse-english finds next to underscores, digits-free symbols and Markdown emphasis', () => {
    const scanner = new TriggerScanner([termsRule]);
    const words = (text: string) => scanner.scan(text).hits.map((h) => text.slice(h.start, h.end));
    expect(words('_hostile_ and __volatile__, *aggressive*; x_race')).toEqual(['hostile', 'volatile', 'aggressive', 'race']);
    expect(words('hostile3 3hostile hostiles')).toEqual([]);
  });

  it('lints "_mixed race_" in Markdown as a full parse does', () => {
    compareWithFullParse('Mother is _mixed race_ and *half-white*.\n', 'markdown', rules);
    expect(new PrescanLinter(rules, configForFile({}, rules, undefined)).lint('Mother is _mixed race_.\n', { format: 'markdown' }).findings).toHaveLength(1);
  });
});
