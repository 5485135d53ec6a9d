import { ParseEnglish } from 'parse-english';
import type { Block, BlockKind, Sentence, Span, Token, TokenPart } from '../document/types.js';
import { certainSentenceBreaks } from './partial.js';

/**
 * Sentence and word segmentation with parse-english (the retext-english parser). It is run once per block,
 * never over a whole document: parse-english slows down sharply on long inputs, and blocks are also the unit
 * the fast pre-scan of batch audits selects. A range longer than MAX_SEGMENT_LENGTH (a 20 MB export on one
 * line) is fed to the parser in pieces (see segmentPieces), so the cost stays linear and the parser's
 * recursion shallow; offsets are unaffected because each piece is a sub-range of the block.
 */
const parser = new ParseEnglish();

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const HYPHENS = /[-\u2010\u2011]/;

export function normalise(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * Segments the prose of one block. `prose` is the whole document's masked text (non-prose replaced by
 * spaces, same length as the source), so offsets map straight back to the source.
 */
export function segmentBlock(source: string, prose: string, span: Span, kind: BlockKind, depth: number): Block {
  const block: Block = { span, kind, depth, sentences: [] };
  segmentRange(block, source, prose, span);
  return block;
}

/**
 * Appends the sentences of `range` to `block`: the whole block, or a window of it chosen by the batch pre-scan
 * (see partial.ts), which must start and end where a whole-block parse would start and end a sentence.
 */
export function segmentRange(block: Block, source: string, prose: string, range: Span): void {
  for (const piece of segmentPieces(prose, range)) segmentPiece(block, source, prose, piece);
}

/** Longest stretch handed to parse-english at once; real sentences are far shorter. */
export const MAX_SEGMENT_LENGTH = 4000;

/**
 * Cuts a range into pieces of at most MAX_SEGMENT_LENGTH where that changes nothing: at breaks where
 * parse-english certainly ends a sentence (partial.ts), as many sentences to a piece as fit. Only a stretch
 * between two such breaks that is itself too long (a base64 blob, a list of thousands of lower-case items)
 * is cut elsewhere: at the last sentence end or space in the second half of each window, else anywhere that
 * keeps surrogate pairs whole. Those cuts are counted from the start of the stretch, which is a certain break
 * or the start of the block, so the pre-scan's windows (which start at such breaks) get the same pieces as a
 * whole-block parse.
 */
export function segmentPieces(prose: string, range: Span, max = MAX_SEGMENT_LENGTH): Span[] {
  if (range.end - range.start <= max) return [range];
  const stops = [...certainSentenceBreaks(prose, range).map((b) => b.after), range.end];
  const pieces: Span[] = [];
  let start = range.start;
  let previous = range.start;
  for (const stop of stops) {
    if (stop - start <= max) {
      previous = stop;
      continue;
    }
    if (previous > start) {
      pieces.push({ start, end: previous });
      start = previous;
    }
    // One stretch [start, stop) too long on its own.
    while (stop - start > max) {
      const cut = cutPoint(prose, start + Math.floor(max / 2), start + max);
      pieces.push({ start, end: cut });
      start = cut;
    }
    previous = stop;
  }
  if (range.end > start) pieces.push({ start, end: range.end });
  return pieces;
}

function cutPoint(text: string, from: number, to: number): number {
  let space = -1;
  for (let i = to; i > from; i--) {
    const c = text.charCodeAt(i - 1);
    const white = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!white) continue;
    if (/[.!?]["'\u201d\u2019)]?$/.test(text.slice(Math.max(from, i - 3), i - 1))) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  // No white space at all: any cut that keeps surrogate pairs whole.
  const high = text.charCodeAt(to - 1);
  return high >= 0xd800 && high <= 0xdbff ? to - 1 : to;
}

function segmentPiece(block: Block, source: string, prose: string, range: Span): void {
  const slice = prose.slice(range.start, range.end);
  if (!/[\p{L}\p{N}]/u.test(slice)) return;
  const tree = parser.parse(slice) as NlcstNode;
  for (const sentenceNode of sentencesOf(tree)) {
    const start = range.start + (sentenceNode.position?.start.offset ?? 0);
    const end = range.start + (sentenceNode.position?.end.offset ?? slice.length);
    const tokens: Token[] = [];
    for (const child of sentenceNode.children ?? []) {
      if (child.type !== 'WordNode') continue;
      const tokenStart = range.start + (child.position?.start.offset ?? 0);
      const tokenEnd = range.start + (child.position?.end.offset ?? 0);
      const text = source.slice(tokenStart, tokenEnd);
      tokens.push({
        span: { start: tokenStart, end: tokenEnd },
        text,
        normal: normalise(text),
        parts: partsOf(text, tokenStart),
        index: tokens.length,
      });
    }
    if (tokens.length === 0) continue;
    block.sentences.push({ span: { start, end }, tokens, block, index: -1 } satisfies Sentence);
  }
}

function* sentencesOf(node: NlcstNode): Generator<NlcstNode> {
  for (const child of node.children ?? []) {
    if (child.type === 'SentenceNode') yield child;
    else if (child.children) yield* sentencesOf(child);
  }
}

/** Splits a word at hyphens so that "mixed-race" matches the phrase "mixed race" and vice versa. */
function partsOf(text: string, offset: number): TokenPart[] {
  if (!HYPHENS.test(text)) return [{ span: { start: offset, end: offset + text.length }, normal: normalise(text) }];
  const parts: TokenPart[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || HYPHENS.test(text[i])) {
      if (i > start) parts.push({ span: { start: offset + start, end: offset + i }, normal: normalise(text.slice(start, i)) });
      start = i + 1;
    }
  }
  return parts.length ? parts : [{ span: { start: offset, end: offset + text.length }, normal: normalise(text) }];
}
