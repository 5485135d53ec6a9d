import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import { rules } from '../../rules/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * Generators and checkers for the property tests. `npm test` runs a bounded number of cases; `npm run fuzz`
 * sets FUZZ_RUNS (100,000) for the long run.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;

/**
 * Cases for one property: `quick` in npm test; FUZZ_RUNS in the long run, or a `share` of it for properties
 * whose every case is a large document.
 */
export const runs = (quick: number, share = 1) => (RUNS ? Math.max(1, Math.round(RUNS * share)) : quick);

/** A time limit for a property test that grows with the number of cases. */
export const timeoutFor = (quick: number, msPerCase = 40, share = 1) => 30_000 + runs(quick, share) * msPerCase;

/** Words and phrases the rules look for, so generated text actually reaches them (first alternative each). */
function ruleVocabulary(): string[] {
  const words = new Set<string>();
  for (const rule of rules) {
    for (const term of rule.terms?.terms ?? []) {
      for (const pattern of term.match) words.add(pattern.split(/\s+/).map((w) => w.replace(/\?$/, '').split('|')[0]).filter((w) => w !== '*').join(' '));
    }
    for (const example of [...rule.meta.docs.examples.bad, ...rule.meta.docs.examples.good]) for (const w of example.split(/\s+/)) words.add(w);
  }
  return [...words].filter(Boolean);
}

const STRUCTURE = [
  ' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '\t', '. ', ', ', '; ', ': ', '! ', '? ', '"', '"', "'", '“', '”', '‘', '’', '(', ')', '-', '—',
  '# ', '> ', '- ', '* ', '1. ', '`', '```\n', '**', '_', '[', '](http://example.invalid/x)', '<!-- ', ' -->', '---\n', '|', '\\',
  '<!-- anti-racist-lint-disable-next-line -->\n', '<!-- anti-racist-lint-disable mixed-race -->', 'https://example.invalid/mixed-race', 'a.person@example.invalid',
  'said: ', 'she said', 'describes herself as ', 'the term ', 'called him ', 'Mr White', 'Blackpool',
];
const ODD = ['\u0000', '\ufeff', '\ufffd', '\u200b', '\u200d', '\u00a0', '\u2028', '\u0301', '\u05d0', '\u202e', '😀', '👩🏽‍⚕️', '\ud800', '\udc00', 'ǅ', 'İ', 'ß', 'ﬁ', '\u0007'];

const vocabulary = ruleVocabulary();

/** Text built from rule words, structure and odd characters, plus arbitrary Unicode (lone surrogates included). */
export const recordText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
        { weight: 6, arbitrary: fc.constantFrom(...STRUCTURE) },
        { weight: 2, arbitrary: fc.constantFrom(...ODD) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
        { weight: 1, arbitrary: fc.constantFrom(...vocabulary).map((w) => w.toUpperCase()) },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''));

/** Seed documents: every rule's documentation examples, joined into small records. */
export function seedDocuments(): string[] {
  const examples = rules.flatMap((r) => [...r.meta.docs.examples.bad, ...r.meta.docs.examples.good]);
  const seeds = [...examples];
  for (let i = 0; i + 3 <= examples.length; i += 3) seeds.push(`# Case note\n\n${examples.slice(i, i + 3).join('\n\n')}\n`);
  return seeds;
}

type Mutation = (text: string) => string;

/** One random edit of a document: insert, delete, duplicate, re-case, change line endings, add markup. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...STRUCTURE, ...ODD, ...vocabulary), fc.string({ unit: 'binary', maxLength: 8 }))).map(
    ([at, piece]) => (t: string) => t.slice(0, at % (t.length + 1)) + piece + t.slice(at % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([at, n]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
  }),
  fc.constantFrom<Mutation>(
    (t) => t.toUpperCase(),
    (t) => t.toLowerCase(),
    (t) => t.replace(/\r?\n/g, '\r\n'),
    (t) => t.replace(/\r?\n/g, '\r'),
    (t) => t.replace(/ /g, '\n'),
    (t) => t.replace(/"/g, '“'),
    (t) => `> ${t.replace(/\n/g, '\n> ')}`,
    (t) => `- ${t.replace(/\n/g, '\n  - ')}`,
    (t) => `---\ntype: referral\n---\n${t}`,
    (t) => t.split('').reverse().join(''),
  ),
);

/** A seed document with one to five random edits. */
export const mutatedDocument = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...seedDocuments()), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([seed, edits]) => edits.reduce((t, edit) => edit(t), seed));

/** Line and column of an offset, counted independently of src/document/line-index.ts (CRLF, CR, LF end lines). */
export function naivePoint(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < offset) i++;
      else if (text.charCodeAt(i + 1) === 10) {
        column++;
        continue;
      }
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

export { sarifValidator } from '../helpers/sarif.js';

/**
 * A small XML 1.0 well-formedness check (no XML parser is installed): characters XML allows, tags that nest
 * and close, attributes quoted, '&' only in entities, '<' only in markup, CDATA closed.
 */
export function xmlProblem(xml: string): string | undefined {
  if (/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)) return 'a character XML cannot hold';
  const stack: string[] = [];
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/([\w.-]+)\s*>|<([\w.-]+)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  let position = 0;
  while (position < xml.length && (m = token.exec(xml))) {
    position = token.lastIndex;
    const [, close, open, , selfClosing, text, stray] = m;
    if (stray) return `a stray "<" at ${m.index}`;
    if (text !== undefined && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) return `a bare "&" at ${m.index}`;
    if (open && !selfClosing) stack.push(open);
    if (close && stack.pop() !== close) return `</${close}> closes the wrong element`;
  }
  if (position < xml.length) return `unparsable at ${position}`;
  return stack.length ? `<${stack[stack.length - 1]}> is never closed` : undefined;
}
