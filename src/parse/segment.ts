import { ParseEnglish } from 'parse-english';
import type { Block, BlockKind, Sentence, Span, Token, TokenPart } from '../document/types.js';

/**
 * Sentence and word segmentation with parse-english (the retext-english parser). It is run once per block,
 * never over a whole document: parse-english slows down sharply on long inputs, and blocks are also the unit
 * the fast pre-scan of batch audits selects.
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
