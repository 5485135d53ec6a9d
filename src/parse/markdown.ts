import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import yaml from 'js-yaml';
import type { BlockKind, Span } from '../document/types.js';
import { maskOutside, maskRanges, urlRanges } from './prose.js';
import type { BlockPlan } from './text.js';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const spanOf = (node: MdNode): Span => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });

/**
 * Markdown via remark-parse: only text nodes are prose. Headings, paragraphs (as list items or block quotes
 * when nested there) and table cells become blocks; code, inline code, HTML, front matter, link targets and
 * bare URLs are masked out with their positions kept.
 */
export function planMarkdownBlocks(text: string): {
  prose: string;
  blocks: BlockPlan[];
  excluded: Span[];
  frontMatter: Record<string, unknown>;
  comments: { span: Span; value: string }[];
} {
  const tree = processor.parse(text) as MdNode;
  const blocks: BlockPlan[] = [];
  const keep: Span[] = [];
  const excluded: Span[] = [];
  const comments: { span: Span; value: string }[] = [];
  let frontMatter: Record<string, unknown> = {};

  const visit = (node: MdNode, context: { kind: BlockKind; depth: number }) => {
    switch (node.type) {
      case 'yaml':
        excluded.push(spanOf(node));
        frontMatter = parseFrontMatter(node.value ?? '');
        return;
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'image':
      case 'imageReference':
        excluded.push(spanOf(node));
        return;
      case 'html': {
        const span = spanOf(node);
        excluded.push(span);
        const comment = /^<!--([\s\S]*?)-->$/.exec((node.value ?? '').trim());
        if (comment) comments.push({ span, value: comment[1].trim() });
        return;
      }
      case 'text':
        keep.push(spanOf(node));
        return;
      case 'heading':
        blocks.push({ span: spanOf(node), kind: 'heading', depth: node.depth ?? 1 });
        break;
      case 'paragraph':
        blocks.push({ span: spanOf(node), kind: context.kind, depth: context.depth });
        break;
      case 'tableCell':
        blocks.push({ span: spanOf(node), kind: 'table-cell', depth: 0 });
        break;
      case 'listItem':
        context = { kind: 'list-item', depth: context.kind === 'list-item' ? context.depth + 1 : 1 };
        break;
      case 'blockquote':
        context = { kind: 'blockquote', depth: context.depth + 1 };
        break;
    }
    for (const child of node.children ?? []) visit(child, context);
  };
  visit(tree, { kind: 'paragraph', depth: 0 });

  let prose = maskOutside(text, keep);
  // Block-quote markers and list indentation inside a multi-line text node are markup, not words.
  prose = prose.replace(/(^|\n|\r)([ \t]*>[ \t>]*)/g, (_m, nl: string, marks: string) => nl + ' '.repeat(marks.length));
  const urls = urlRanges(prose);
  excluded.push(...urls);
  prose = maskRanges(prose, urls);
  return { prose, blocks, excluded: excluded.sort((a, b) => a.start - b.start), frontMatter, comments };
}

function parseFrontMatter(source: string): Record<string, unknown> {
  try {
    const value = yaml.load(source);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    // Broken front matter is the author's business; the prose is still linted.
    return {};
  }
}
