import type { Document, Quote, Sentence, Span } from '../document/types.js';
import type { TermHit, TermMatcher } from '../terms/compile.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A clause of a standard in `shared/standards/`: `{ doc: '001_131b8ae94af47271.txt', clause: '2.1' }`. */
export interface StandardRef {
  doc: string;
  clause: string;
}

/** A text edit: replace `span` of the source with `text`. */
export interface Edit {
  span: Span;
  text: string;
}

export interface Suggestion {
  desc: string;
  edit: Edit;
}

export type NlpNeed = 'sentences' | 'quotes' | 'pos';

export interface OptionSpec {
  type: 'string' | 'boolean' | 'number' | 'string[]' | 'object';
  default: unknown;
  description: string;
  /** For strings: the allowed values. */
  enum?: readonly string[];
}

/**
 * What a rule's findings need, declared so that one fast scanner can find candidate sentences before any NLP.
 * Every declaration must be a necessary condition: a sentence the rule reports on always satisfies one of them,
 * and the rule reads nothing outside the candidate sentence but what `context`, `evidence` and `kindsOption` say.
 * test/audit/prescan.test.ts checks that linting with the pre-scan gives exactly the findings of a full parse.
 */
export interface TriggerSpec {
  /** Lower-case words: a sentence holding one is a candidate. Added to the anchor word of each terms.yml phrase. */
  words?: string[];
  /** A case-sensitive regular-expression source: a sentence holding a match is a candidate. */
  pattern?: string;
  /**
   * Combinations of word lists: a sentence holding a word of every list of one combination is a candidate
   * ('claimed' with 'racist'; a group word with a generalising word). The first list is looked for in the
   * whole text and the others only in the sentence around it, so put the least common list first.
   */
  together?: string[][][];
  /**
   * A regular-expression source (case-insensitive) tested where a trigger word starts: where it matches, that
   * occurrence can never be reported ('race equality' for 'race'). The rule should skip the same text itself.
   */
  unless?: string;
  /**
   * Whole sentences either side of a candidate that the rule reads (pronouns, nearby cues); `line`: also every
   * sentence that starts on the candidate's line (a form line such as 'Ethnicity: … Country of birth: …').
   * `line: { when }` reads the line only where the regular-expression source `when` (case-insensitive, Unicode)
   * matches in the line before the candidate: a form field's label ('Ethnicity:'), not prose.
   */
  context?: { before?: number; after?: number; line?: boolean | { when: string } };
  /** A wider context for candidates found by these words (which trigger the rule by themselves too). */
  widerContext?: { words: string[]; before?: number; after?: number };
  /**
   * Record-wide facts the rule reads (ages, names): sentences holding one of these words or a match of the
   * pattern are parsed whenever the rule runs on a record.
   */
  evidence?: { words?: string[]; pattern?: string };
  /** The rule checks whole documents of the kinds listed in this option (front matter, config `kind` or title). */
  kindsOption?: string;
}

export interface RuleMeta {
  id: string;
  /** Earlier names that configurations may still use. */
  aliases?: string[];
  category: string;
  severity: Severity;
  standards: StandardRef[];
  /** 'safe' when some findings carry a fix the standard gives directly; 'suggestion' when only rewordings. */
  fix: 'none' | 'safe' | 'suggestion';
  needs: NlpNeed[];
  /** messageId → template with {placeholders}. */
  messages: Record<string, string>;
  /** How a quoted, attributed third-party label is treated: reported as info, or exempt. */
  thirdPartyQuotes?: 'info' | 'exempt';
  /**
   * What text can make this rule report, for the batch pre-scan (src/audit/prescan.ts) that parses only the
   * sentences that could give a finding. A function receives the rule's resolved options (e.g. a glossary).
   * 'always' for rules that must see every block.
   */
  triggers?: TriggerSpec | 'always' | ((options: Record<string, unknown>) => TriggerSpec | 'always');
  /** Document-level rules report once per document rather than per match. */
  scope?: 'sentence' | 'document';
  options?: Record<string, OptionSpec>;
  docs: {
    summary: string;
    /** Why the rule exists, in plain words: shown by `--explain` and in the rule's README. */
    rationale: string;
    examples: { bad: string[]; good: string[] };
    /** Format of the examples: most are plain text; document rules may use Markdown with front matter. */
    exampleFormat?: 'text' | 'markdown';
  };
}

export type ExemptionReason =
  | 'self-description'
  | 'mention'
  | 'verbatim-quote'
  | 'third-party-quote'
  | 'quoted'
  | 'legitimate-sense'
  | 'directive';

export interface ReportDescriptor {
  messageId: string;
  span: Span;
  data?: Record<string, string | number>;
  fix?: Edit;
  suggest?: Suggestion[];
  /** Lower the severity below the configured one for a contested use (never raises it). */
  severity?: Severity;
  /** Report even inside quotation marks (rules that judge quotations themselves). */
  ignoreQuotes?: boolean;
}

export interface RuleContext {
  readonly doc: Document;
  readonly options: Record<string, unknown>;
  /** The rule's compiled `terms.yml`, when it has one. */
  readonly terms: TermMatcher | undefined;
  /** Term hits over every sentence of the document (computed once per rule). */
  termHits(): TermHit[];
  report(descriptor: ReportDescriptor): void;
  /** Records a match the rule deliberately does not report, with the reason (shown as suppressedMessages). */
  exempt(descriptor: ReportDescriptor, reason: ExemptionReason, justification?: string): void;
  /** The innermost quotation containing a span, if any. */
  quoteAt(span: Span): Quote | undefined;
  /** Part-of-speech tags per token of a sentence (compromise, loaded on first use). */
  tags(sentence: Sentence): Set<string>[];
  replace(span: Span, text: string): Edit;
}

export interface Rule {
  meta: RuleMeta;
  /** Term data, compiled once when the rule module loads. */
  terms?: TermMatcher;
  check(doc: Document, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function clauseLabel(ref: StandardRef): string {
  const clause = /^\d/.test(ref.clause) ? `§${ref.clause}` : ref.clause;
  return `${ref.doc.slice(0, 3)} ${clause}`;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}
