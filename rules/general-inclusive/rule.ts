import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ParseEnglish } from 'parse-english';
import type retextEquality from 'retext-equality';
import type { Document, Span } from '../../src/document/types.js';
import { maskRanges } from '../../src/parse/prose.js';
import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { loadTermsBeside } from '../../src/terms/compile.js';

/**
 * retext-equality (the engine behind alex) as an opt-in rule: general inclusive-language advice on gender,
 * disability, age and more, beyond what the anti-racist practice standards ask. It runs on retext's own
 * syntax tree, built per prose block with offsets kept exact, and its messages are mapped onto ours.
 */

export interface RetextPattern {
  id: string;
  type: 'basic' | 'or';
  /** Phrase → category ('a', 'female', …). */
  inconsiderate: Record<string, string>;
}

interface RetextMessage {
  reason: string;
  ruleId?: string;
  place?: { start: { offset?: number }; end: { offset?: number } };
  actual?: string;
  expected?: string[];
  note?: string;
}

/** When a pattern's match is a legitimate sense: these words, followed or preceded by one of these. */
export interface SkipCase {
  words: string[];
  next?: string[];
  prev?: string[];
  /** A title before a name: 'Master Kofi Mensah'. */
  beforeName?: boolean;
}

export interface SkipEntry {
  id: string;
  skip: 'covered' | 'legitimate' | 'only';
  by?: string;
  why?: string;
  words?: string[];
  next?: string[];
  prev?: string[];
  beforeName?: boolean;
  /** Several cases for one pattern ('mental health', 'tree nuts'), instead of words/next/prev. */
  cases?: SkipCase[];
}

/**
 * retext-equality and parse-english are loaded on first use: the rule is off by default, and loading them costs
 * more than linting a short note. require() loads their ES modules synchronously (Node ≥ 20.19).
 */
interface Retext {
  retextEquality: typeof retextEquality;
  parser: ParseEnglish;
  /** retext-equality's pattern list, to tell gendered word pairs ('or' patterns) apart from the rest. */
  patterns: RetextPattern[];
  gendered: Set<string>;
}

let retext: Retext | undefined;

function loadRetext(): Retext {
  if (!retext) {
    const require = createRequire(import.meta.url);
    const equality = require('retext-equality') as { default: typeof retextEquality };
    const english = require('parse-english') as { ParseEnglish: typeof ParseEnglish };
    // retext-equality does not export its pattern list; it sits beside the entry module.
    const patternsFile = join(dirname(require.resolve('retext-equality')), 'patterns-en.js');
    const patterns = (require(patternsFile) as { patterns: RetextPattern[] }).patterns;
    retext = {
      retextEquality: equality.default,
      parser: new english.ParseEnglish(),
      patterns,
      gendered: new Set(patterns.filter((p) => p.type === 'or').map((p) => p.id)),
    };
  }
  return retext;
}

/** retext-equality's patterns (loads retext-equality). */
export function retextPatterns(): RetextPattern[] {
  return loadRetext().patterns;
}

export const SKIP: ReadonlyMap<string, SkipEntry> = new Map(
  (loadTermsBeside(import.meta.url, 'skip.yml') as unknown as SkipEntry[]).map((e) => [e.id, e]),
);

type Transformer = ReturnType<typeof retextEquality>;

function messagesFor(transform: Transformer, prose: string): RetextMessage[] {
  const messages: RetextMessage[] = [];
  // retext-equality only calls file.message(); a full VFile is not needed.
  const file = {
    message(reason: string, options: Omit<RetextMessage, 'reason'>) {
      const message: RetextMessage = { reason, ...options };
      messages.push(message);
      return message;
    },
  };
  transform(loadRetext().parser.parse(prose) as Parameters<Transformer>[0], file as unknown as Parameters<Transformer>[1]);
  return messages;
}

/** Whether a message is left to another rule, legitimate in social-care records, or a gendered pair not asked for. */
function isSkipped(doc: Document, m: RetextMessage, span: Span, gendered: boolean): boolean {
  const id = m.ruleId ?? '';
  if (loadRetext().gendered.has(id)) return !gendered;
  const entry = SKIP.get(id);
  if (!entry) return false;
  if (entry.skip !== 'only') return true;
  const actual = (m.actual ?? '').toLowerCase().replace(/’/g, "'");
  const cases = entry.cases ?? [{ words: entry.words ?? [], next: entry.next, prev: entry.prev, beforeName: entry.beforeName }];
  const after = /^[\s-]*([\p{L}'’]+)/u.exec(doc.text.slice(span.end, span.end + 40))?.[1];
  const before = /([\p{L}'’]+)[\s-]*$/u.exec(doc.text.slice(Math.max(0, span.start - 40), span.start))?.[1]?.toLowerCase();
  return cases.some((c) => {
    if (!c.words.includes(actual)) return false;
    if (!c.next && !c.prev && !c.beforeName) return true;
    if (after && c.next?.includes(after.toLowerCase())) return true;
    if (before && c.prev?.includes(before)) return true;
    return c.beforeName === true && after !== undefined && /^\p{Lu}/u.test(after);
  });
}

/** 'Unexpected potentially insensitive use of `x`, when referring to a person, in somes cases …' → the condition. */
function conditionOf(m: RetextMessage): string {
  const match = /`, ((?:when|if|unless)[^,]*),/.exec(m.reason);
  return match ? `, ${match[1]}` : '';
}

function check(doc: Document, ctx: RuleContext): void {
  const gendered = ctx.options.gendered === true;
  const transform = loadRetext().retextEquality({ binary: true, ignore: (ctx.options.ignore ?? []) as string[] });
  // Code, URLs and other non-prose blanked out, the same length as the source so offsets stay exact.
  const prose = maskRanges(doc.text, doc.excluded);
  for (const block of doc.blocks) {
    if (block.sentences.length === 0) continue;
    const found = messagesFor(transform, prose.slice(block.span.start, block.span.end)).flatMap((m) => {
      const start = m.place?.start.offset;
      const end = m.place?.end.offset;
      if (start === undefined || end === undefined) return [];
      const span = { start: block.span.start + start, end: block.span.start + end };
      return isSkipped(doc, m, span, gendered) ? [] : [{ m, span }];
    });
    // 'special needs' also matches 'special': keep the longer phrase only.
    const within = (a: Span, b: Span) => a !== b && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
    for (const { m, span } of found.filter((f) => !found.some((g) => within(f.span, g.span)))) {
      const expected = m.expected ?? [];
      ctx.report({
        messageId: 'inconsiderate',
        span,
        data: {
          actual: doc.text.slice(span.start, span.end),
          condition: conditionOf(m),
          advice: expected.length ? `${expected.slice(0, 3).map((e) => `“${e}”`).join(', ')}${expected.length > 3 ? ' or similar' : ''} may be better` : 'try not to use it',
          note: m.note ? ` ${m.note}` : '',
          pattern: m.ruleId ?? '',
        },
        suggest: expected.map((e) => ({ desc: `Replace with “${e}”`, edit: ctx.replace(span, e) })),
      });
    }
  }
}

export default defineRule({
  meta: {
    id: 'general-inclusive',
    category: 'general-inclusive',
    severity: 'info',
    standards: [{ doc: '002_57226db87f2296f3.txt', clause: 'Communicate Clearly' }],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: {
      inconsiderate: '“{actual}” may be insensitive{condition}: {advice} (retext-equality: {pattern}).{note}',
    },
    triggers: 'always',
    options: {
      gendered: {
        type: 'boolean',
        default: false,
        description: "Also report gendered words ('he', 'mother', 'chairman'); off because records name real people and their relationships.",
      },
      ignore: { type: 'string[]', default: [], description: 'retext-equality phrases never to report, e.g. ["master"].' },
    },
    docs: {
      summary: 'Opt-in: general inclusive-language advice from retext-equality (the engine behind alex).',
      rationale:
        "The practice standards ask for clear, respectful language with and about people (002 'Communicate Clearly'). This opt-in rule (the 'general-inclusive' preset) adds retext-equality's wider advice on disability, mental health, age, gender and more, mapped onto this linter's messages and suggestions. It leaves alone what another rule already covers ('oriental', 'non-white', 'gyppo'), words that are correct in UK social-care records (asylum seeker, ADHD, special guardianship order, disabled people) and, unless the `gendered` option is on, gendered words, because records are about real people and their relationships.",
      examples: {
        bad: ['Mr Khan is wheelchair bound and needs a ground-floor flat.', 'She has been called a junkie by neighbours and feels ashamed.'],
        good: ['Mr Khan uses a wheelchair and needs a ground-floor flat.', 'The special guardianship order was granted in May.', 'Amir (15) is an unaccompanied asylum-seeking child.'],
      },
    },
  },
  check,
});
