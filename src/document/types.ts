/**
 * The typed document model every rule reads. It is built once per document by `src/parse` and never
 * re-derived by a rule. All positions are UTF-16 offsets into `Document.text` (the original source).
 */

/** A half-open range [start, end) of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A word as the tokenizer saw it. `parts` splits hyphenated words ("mixed-race" → mixed, race). */
export interface Token {
  span: Span;
  /** The exact source text of the token. */
  text: string;
  /** Lower case, curly apostrophes straightened. */
  normal: string;
  /** Normalised pieces of a hyphenated or apostrophised word, each with its own span. */
  parts: TokenPart[];
  /** Index of this token within its sentence. */
  index: number;
}

export interface TokenPart {
  span: Span;
  normal: string;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'blockquote' | 'line';

export interface Sentence {
  span: Span;
  /** Word tokens only (punctuation and white space are in the text, not here). */
  tokens: Token[];
  block: Block;
  /** Position of the sentence in `Document.sentences`. */
  index: number;
}

export interface Block {
  span: Span;
  kind: BlockKind;
  /** Heading depth for headings, nesting depth for list items. */
  depth: number;
  sentences: Sentence[];
}

/**
 * How a quotation relates to the writer. Drives the exemptions of standards 2.2 (a person's own words),
 * 5.12 (verbatim disclosures) and use–mention ("we no longer use 'BAME'").
 */
export type QuoteKind =
  /** The person describing themselves: "she describes herself as 'mixed race'". */
  | 'self-description'
  /** A word being discussed, not used: "the term 'BAME'", "labels such as 'aggressive'". */
  | 'mention'
  /** Somebody's words recorded verbatim: 'He said: "They called me …"'. */
  | 'speech'
  /** A label attributed to somebody other than the person it describes: 'the teacher wrote that he was "aggressive"'. */
  | 'third-party-label'
  /** Quotation marks with no cue saying whose words they are. */
  | 'unattributed';

export interface Quote {
  /** Including the quotation marks. */
  span: Span;
  /** Inside the quotation marks. */
  inner: Span;
  kind: QuoteKind;
  /** Who the sentence says is speaking, when it says so ("the teacher", "she", "Ms A"). */
  speaker?: string;
}

export type DocumentFormat = 'text' | 'markdown';

/** Offset ↔ line/column conversion; 1-based lines and columns as ESLint reports them. */
export interface LineIndex {
  toPoint(offset: number): { line: number; column: number };
  toOffset(line: number, column: number): number;
}

export interface Document {
  /** The original source, byte-for-byte as decoded (positions refer to this). */
  text: string;
  format: DocumentFormat;
  filePath?: string;
  /** Document type from front matter (`type: referral`), config overrides or a heading. */
  kind?: string;
  frontMatter: Record<string, unknown>;
  blocks: Block[];
  sentences: Sentence[];
  quotes: Quote[];
  /** Ranges that are not prose (code, inline code, HTML, front matter, URLs); never linted. */
  excluded: Span[];
  /** HTML comments in Markdown, for in-document directives. */
  comments: { span: Span; value: string }[];
  lines: LineIndex;
}
