import type { BlockKind, Span } from '../document/types.js';
import { urlRanges, maskRanges } from './prose.js';

export interface BlockPlan {
  span: Span;
  kind: BlockKind;
  depth: number;
}

/**
 * Plain text: each line is a block (case-management exports put one entry or field per line), except that a
 * hard-wrapped sentence continues onto the next line when that line starts in lower case.
 */
export function planTextBlocks(text: string): { prose: string; blocks: BlockPlan[]; excluded: Span[]; comments: { span: Span; value: string }[] } {
  const comments = commentLines(text);
  const excluded = [...urlRanges(text), ...comments.map((c) => c.span)].sort((a, b) => a.start - b.start);
  const prose = maskRanges(text, excluded);
  const blocks: BlockPlan[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let current: BlockPlan | undefined;
  // The block's last line: whether it ends a sentence decides if the next line continues the block. Testing
  // only that line (not the whole block) keeps a long run of wrapped lines linear.
  let previousLine = '';
  for (const m of text.matchAll(lineRe)) {
    if (m[0] === '' ) break;
    const content = m[0].replace(/[\r\n]+$/, '');
    const start = m.index;
    const end = start + content.length;
    if (content.trim() === '' || COMMENT_LINE.test(content)) {
      current = undefined;
      continue;
    }
    const continues = current !== undefined && /^\s*[a-z(]/.test(content) && !/[.!?:;]["'”’)]?\s*$/.test(previousLine);
    previousLine = content;
    if (continues && current) current.span.end = end;
    else {
      const listItem = /^\s*(?:[-*•]|\d+[.)])\s+/.test(content);
      current = { span: { start, end }, kind: listItem ? 'list-item' : 'line', depth: 0 };
      blocks.push(current);
    }
  }
  return { prose, blocks, excluded, comments };
}

const COMMENT_LINE = /^\s*<!--([\s\S]*?)-->\s*$/;

/**
 * A line holding only an HTML comment (`<!-- anti-racist-lint-disable-next-line -->`) is a comment in plain
 * text too, so the in-document directives work the same in .txt files; it is not prose.
 */
function commentLines(text: string): { span: Span; value: string }[] {
  const comments: { span: Span; value: string }[] = [];
  if (!text.includes('<!--')) return comments;
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const comment = COMMENT_LINE.exec(m[0]);
    if (comment) comments.push({ span: { start: m.index, end: m.index + m[0].length }, value: comment[1].trim() });
  }
  return comments;
}
