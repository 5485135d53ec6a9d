import type { Block, Document, DocumentFormat, Quote, Span } from '../document/types.js';
import { createLineIndex } from '../document/line-index.js';
import { segmentBlock } from './segment.js';
import { findQuotes } from './quotes.js';
import { segmentCandidates } from './partial.js';
import { planTextBlocks, type BlockPlan } from './text.js';
import { planMarkdownBlocks } from './markdown.js';

export { prepareMarkdown } from './markdown.js';

export interface ParseOptions {
  format?: DocumentFormat;
  filePath?: string;
  /** Document type when the caller knows it (config overrides); front matter wins otherwise. */
  kind?: string;
  /**
   * Batch pre-scan (src/audit/prescan.ts): given the prose (the text with non-prose blanked), returns the
   * spans of possible matches, sorted by start. Only the sentences holding one are segmented, exactly as a
   * full parse would segment them; other blocks keep no sentences. Omitted: every sentence is segmented.
   */
  candidates?: (prose: string) => Span[];
}

const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdown|mkd)$/i;

export function formatForPath(filePath: string | undefined): DocumentFormat {
  return filePath && MARKDOWN_EXTENSIONS.test(filePath) ? 'markdown' : 'text';
}

const KIND_WORDS: [RegExp, string][] = [
  [/\breferral\b/i, 'referral'],
  [/\bassessment\b/i, 'assessment'],
  [/\b(?:minutes|meeting)\b/i, 'meeting-minutes'],
  [/\b(?:policy|procedure|guidance|strategy|plan \d{4})\b/i, 'policy'],
  [/\b(?:case note|home visit|visit note)\b/i, 'case-note'],
];

/** The first heading (or first line) often says what a record is: "Referral from …", "Assessment – …". */
export function kindFromTitle(text: string): string | undefined {
  const body = text.startsWith('---') ? text.replace(/^---[\s\S]*?\n---\s*\n/, '') : text;
  const firstLine = /^[ \t]*\S[^\r\n]*/m.exec(body)?.[0] ?? '';
  // A title is short and names the record in its first few words ("Referral from …", "Carer's assessment –
  // Mr A", "# Assessment: …"); a first line of prose that merely mentions one ("A referral was made to the
  // food bank") does not make the record a referral.
  const title = firstLine.replace(/^[#\s]+/, '');
  if (title.length > 120 || /^(?:a|an|the|this|that|we|i|she|he|they|it)\b/i.test(title)) return undefined;
  const opening = title.split(/\s+/).slice(0, 4).join(' ');
  for (const [re, kind] of KIND_WORDS) if (re.test(opening)) return kind;
  return undefined;
}

function segmentAll(text: string, prose: string, plans: BlockPlan[]): { blocks: Block[]; quotes: Quote[] } {
  const blocks = plans.map((b) => segmentBlock(text, prose, b.span, b.kind, b.depth));
  return { blocks, quotes: blocks.flatMap((b) => findQuotes(prose, b)) };
}

/** Parses a document once into the model every rule reads. */
export function parseDocument(text: string, options: ParseOptions = {}): Document {
  const format = options.format ?? formatForPath(options.filePath);
  const plan = format === 'markdown' ? planMarkdownBlocks(text) : { ...planTextBlocks(text), frontMatter: {} };
  const { blocks, quotes } = options.candidates
    ? segmentCandidates(text, plan.prose, plan.blocks, options.candidates(plan.prose))
    : segmentAll(text, plan.prose, plan.blocks);
  const sentences = blocks.flatMap((b) => b.sentences);
  sentences.forEach((s, i) => (s.index = i));
  const fmKind = plan.frontMatter.type ?? plan.frontMatter.kind;
  return {
    text,
    format,
    ...(options.filePath ? { filePath: options.filePath } : {}),
    kind: typeof fmKind === 'string' ? fmKind.toLowerCase() : (options.kind ?? kindFromTitle(text)),
    frontMatter: plan.frontMatter,
    blocks,
    sentences,
    quotes,
    excluded: plan.excluded,
    comments: plan.comments,
    lines: createLineIndex(text),
  };
}
