import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import type { BlockKind, Span } from '../document/types.js';
import { maskOutside, maskRanges, urlRanges } from './prose.js';
import type { BlockPlan } from './text.js';
import { defuseMarkdown, markdownSections } from './markdown-guard.js';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface MarkdownParser {
  parse(text: string): unknown;
}

type Unified = typeof import('unified');
type RemarkPlugin = { default: typeof import('remark-parse').default };
type FrontmatterPlugin = { default: typeof import('remark-frontmatter').default };

function createParser(m: { unified: Unified; remarkParse: RemarkPlugin; remarkFrontmatter: FrontmatterPlugin }): MarkdownParser {
  return m.unified.unified().use(m.remarkParse.default).use(m.remarkFrontmatter.default, ['yaml']);
}

/**
 * remark (unified, micromark: some seventy modules) is loaded only when a Markdown text is first parsed: plain
 * text never needs it. parseDocument is synchronous, so the first Markdown parse loads it with require() (Node
 * loads ES modules that way since 20.19); prepareMarkdown() loads it with import() instead, which lets the
 * command line's bundle (scripts/bundle-cli.ts) use its own bundled copy.
 */
let parser: MarkdownParser | undefined;

function markdownParser(): MarkdownParser {
  if (!parser) {
    const require = createRequire(import.meta.url);
    parser = createParser({
      unified: require('unified') as Unified,
      remarkParse: require('remark-parse') as RemarkPlugin,
      remarkFrontmatter: require('remark-frontmatter') as FrontmatterPlugin,
    });
  }
  return parser;
}

/** Loads the Markdown parser ahead of use (asynchronously); optional: the first Markdown parse loads it anyway. */
export async function prepareMarkdown(): Promise<void> {
  if (parser) return;
  const [unified, remarkParse, remarkFrontmatter] = await Promise.all([import('unified'), import('remark-parse'), import('remark-frontmatter')]);
  parser ??= createParser({ unified, remarkParse, remarkFrontmatter });
}


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
  // The parse sees a copy with pathological nesting and delimiter runs made plain (same length, so the
  // positions it returns are positions in `text`); a large document is parsed section by section.
  const guarded = defuseMarkdown(text);
  let base = 0;
  const spanOf = (node: MdNode): Span => ({ start: base + (node.position?.start.offset ?? 0), end: base + (node.position?.end.offset ?? 0) });
  const blocks: BlockPlan[] = [];
  const keep: Span[] = [];
  const excluded: Span[] = [];
  const comments: { span: Span; value: string }[] = [];
  let frontMatter: Record<string, unknown> = {};

  const visit = (node: MdNode, context: { kind: BlockKind; depth: number }) => {
    switch (node.type) {
      case 'yaml':
        excluded.push(spanOf(node));
        frontMatter = parseFrontMatter(guarded.defused ? frontMatterSource(text, spanOf(node)) : (node.value ?? ''));
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
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) pending.push([children[i], context]);
  };
  // An explicit stack rather than recursion: a deeply nested tree cannot overflow the call stack. Children
  // are pushed in reverse so nodes are still visited in document order.
  const pending: [MdNode, { kind: BlockKind; depth: number }][] = [];
  for (const section of markdownSections(guarded.text)) {
    base = section.start;
    pending.push([markdownParser().parse(guarded.text.slice(section.start, section.end)) as MdNode, { kind: 'paragraph', depth: 0 }]);
    while (pending.length > 0) {
      const [node, context] = pending.pop()!;
      visit(node, context);
    }
  }

  let prose = maskOutside(text, keep);
  // Block-quote markers and list indentation inside a multi-line text node are markup, not words.
  prose = prose.replace(/(^|\n|\r)([ \t]*>[ \t>]*)/g, (_m, nl: string, marks: string) => nl + ' '.repeat(marks.length));
  const urls = urlRanges(prose);
  for (const url of urls) excluded.push(url); // not push(...urls): a huge file may hold more than the argument limit
  prose = maskRanges(prose, urls);
  return { prose, blocks, excluded: excluded.sort((a, b) => a.start - b.start), frontMatter, comments };
}

/** The YAML between the fences, from the original text (the parsed copy may have been defused). */
function frontMatterSource(text: string, span: Span): string {
  const inner = text.slice(span.start, span.end);
  const open = inner.search(/\r?\n|\r/);
  const close = Math.max(inner.lastIndexOf('\n'), inner.lastIndexOf('\r'));
  return open < 0 || close <= open ? '' : inner.slice(open, close).replace(/^\r?\n|^\r/, '');
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
