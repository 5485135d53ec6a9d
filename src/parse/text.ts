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
export function planTextBlocks(text: string): { prose: string; blocks: BlockPlan[]; excluded: Span[] } {
  const excluded = urlRanges(text);
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
    if (content.trim() === '') {
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
  return { prose, blocks, excluded };
}
