import type { Block, Quote, Span } from '../document/types.js';
import { findQuotes, quoteMarkPairs } from './quotes.js';
import { segmentRange } from './segment.js';
import type { BlockPlan } from './text.js';

/**
 * Support for the batch pre-scan (src/audit/prescan.ts): segmenting only the sentences of a block that hold a
 * candidate match, with exactly the sentences, tokens and quotations a whole-block parse would give them.
 *
 * A block may only be cut where parse-english certainly ends one sentence and starts the next, whatever
 * surrounds the cut:
 *   - before the cut, a word of two or more letters (nothing else) and one `.`, `!` or `?`; after a full stop
 *     the word must not be one of the abbreviations parse-english or parse-latin join to the next sentence
 *     ("Mr.", "St.", "Jan.", "etc.", "approx.", "in.": initials and numbers fail the letters test);
 *   - then white space;
 *   - then a capital followed by a lower-case letter (a lower-case, digit or symbol start is merged into the
 *     previous sentence).
 * A cut is also never placed inside a pair of quotation marks, so quotations are paired and classified as in
 * the whole block. test/audit/prescan.test.ts checks both against whole-block parses.
 */
const TERMINAL_THEN_CAPITAL = /[.!?][ \t\r\n]+(?=\p{Lu})/gu;
const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The word of letters only that ends just before `end`, or '' when the word holds anything else. */
function lettersBefore(text: string, end: number, floor: number): string {
  let start = end;
  while (start > floor && LETTER.test(text[start - 1])) start--;
  if (start > floor && WORD_CHAR.test(text[start - 1])) return '';
  return text.slice(start, end);
}

/**
 * Words parse-english (lib/regex.js: `abbreviations` tested in lower case, `abbreviationsSensitive` as written)
 * and parse-latin (`abbreviationPrefix`, lower case) treat as abbreviations before a full stop. Copied because
 * neither package exports them; a test compares them with the installed sources.
 */
export const ENGLISH_ABBREVIATIONS =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/;
export const ENGLISH_ABBREVIATIONS_SENSITIVE =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/;
export const LATIN_ABBREVIATIONS = /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

const isAbbreviation = (word: string) => {
  const lower = word.toLowerCase();
  return ENGLISH_ABBREVIATIONS.test(lower) || ENGLISH_ABBREVIATIONS_SENSITIVE.test(word) || LATIN_ABBREVIATIONS.test(lower);
};

export interface Cut {
  /** Where the white space between the two sentences starts (the end of a window). */
  before: number;
  /** Where the next sentence starts (the start of a window). */
  after: number;
}

/**
 * Every place in [range.start, range.end) where parse-english certainly ends a sentence (see above), in
 * order. Also used by segment.ts to cut very long blocks where that changes nothing.
 */
export function certainSentenceBreaks(prose: string, range: Span): Cut[] {
  const text = prose.slice(range.start, range.end);
  const cuts: Cut[] = [];
  TERMINAL_THEN_CAPITAL.lastIndex = 0;
  for (let m = TERMINAL_THEN_CAPITAL.exec(text); m; m = TERMINAL_THEN_CAPITAL.exec(text)) {
    if (!endsSentence(text, m.index, 0)) continue;
    cuts.push({ before: range.start + m.index + 1, after: range.start + m.index + m[0].length });
  }
  return cuts;
}

const TERMINAL_THEN_CAPITAL_AT = new RegExp(TERMINAL_THEN_CAPITAL.source, 'uy');

/** The certain break (as certainSentenceBreaks finds them) whose mark is at `at`, if there is one. */
export function certainBreakAt(prose: string, at: number): Cut | undefined {
  TERMINAL_THEN_CAPITAL_AT.lastIndex = at;
  const m = TERMINAL_THEN_CAPITAL_AT.exec(prose);
  if (!m || !endsSentence(prose, at, 0)) return undefined;
  return { before: at + 1, after: at + m[0].length };
}

/** Does the mark at `at` (followed by white space and a capital) end a sentence whatever surrounds it? */
function endsSentence(text: string, at: number, floor: number): boolean {
  const word = lettersBefore(text, at, floor);
  return word.length >= 2 && !(text[at] === '.' && isAbbreviation(word));
}

/** Certain breaks outside quotations. Both lists are in order, so one pass over each (linear time). */
function safeCuts(prose: string, block: Span): Cut[] {
  const cuts = certainSentenceBreaks(prose, block);
  if (cuts.length === 0 || !/["'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/.test(prose.slice(block.start, block.end))) return cuts;
  const quotes = quoteMarkPairs(prose, block.start, block.end).sort((a, b) => a.start - b.start);
  const kept: Cut[] = [];
  let q = 0;
  let reach = -1; // the furthest end among quotations starting before the current cut
  for (const cut of cuts) {
    while (q < quotes.length && quotes[q].start < cut.after) reach = Math.max(reach, quotes[q++].end);
    if (reach <= cut.before) kept.push(cut);
  }
  return kept;
}

/**
 * The windows of `block` to segment so that every candidate is inside a segmented sentence: from the last safe
 * cut before each candidate to the first safe cut after it, overlapping windows merged. `candidates` must be
 * sorted by start; those outside the block are ignored.
 */
export function candidateWindows(prose: string, block: Span, candidates: readonly Span[]): Span[] {
  const inside = candidates.filter((c) => c.start < block.end && c.end > block.start);
  if (inside.length === 0) return [];
  const cuts = safeCuts(prose, block);
  const windows: Span[] = [];
  // Candidates are sorted, so the last cut before each one only moves forward (linear, not cuts × candidates).
  let first = 0;
  for (const c of inside) {
    while (first < cuts.length && cuts[first].after <= c.start) first++;
    const start = first > 0 ? cuts[first - 1].after : block.start;
    let end = block.end;
    for (let k = first; k < cuts.length; k++) {
      if (cuts[k].before >= c.end) {
        end = cuts[k].before;
        break;
      }
    }
    const last = windows[windows.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/**
 * Segments only the candidate windows of each block. Every block is kept (with its kind, depth and full span)
 * so the document keeps its shape; blocks without a candidate have no sentences.
 */
export function segmentCandidates(text: string, prose: string, plans: BlockPlan[], candidates: readonly Span[]): { blocks: Block[]; quotes: Quote[] } {
  const blocks: Block[] = [];
  const quotes: Quote[] = [];
  for (const plan of plans) {
    const block: Block = { span: plan.span, kind: plan.kind, depth: plan.depth, sentences: [] };
    for (const window of candidateWindows(prose, plan.span, candidates)) {
      segmentRange(block, text, prose, window);
      for (const quote of findQuotes(prose, block, window)) quotes.push(quote); // a long block may hold millions
    }
    blocks.push(block);
  }
  return { blocks, quotes };
}
