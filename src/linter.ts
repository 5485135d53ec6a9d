import type { Document, DocumentFormat } from './document/types.js';
import { formatForPath, parseDocument, prepareMarkdown } from './parse/index.js';
import { runRules, type EngineConfig, type Finding, type SuppressedFinding } from './engine/lint.js';
import { applyDirectives } from './engine/directives.js';
import type { Rule, Severity } from './engine/rule.js';
import { fingerprintFinding } from './baseline/fingerprint.js';
import { configForFile, type UserConfig } from './config/config.js';
import type { RuleSetting } from './engine/lint.js';
import { rules as builtInRules } from '../rules/index.js';
import { decodeBytes } from './io/decode.js';
import { readTextFile } from './io/read.js';

/** ESLint's numeric severities; 0 is used for info findings, which never fail a run. */
export type NumericSeverity = 0 | 1 | 2;

export interface LintMessage {
  ruleId: string;
  severity: NumericSeverity;
  message: string;
  messageId: string;
  /** Clause(s) of the standards, e.g. "001 §2.1". */
  clause: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Identifies the finding without its position (rule, matched words, sentence): baselines, SARIF. */
  fingerprint?: string;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

export interface SuppressedLintMessage extends LintMessage {
  suppressions: { kind: string; justification: string }[];
}

/** One file's result, in ESLint's formatter schema (plus infoCount and suppressedMessages). */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: SuppressedLintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The source text, for formatters that show context. Never written anywhere unless a formatter asks. */
  source?: string;
  /** The fixed text, when fixing was requested. */
  output?: string;
}

export interface LintTextOptions {
  filePath?: string;
  format?: DocumentFormat;
  /** A validated configuration object (see loadConfig); defaults to the recommended preset. */
  config?: UserConfig;
  /** Settings from the command line, applied last. */
  ruleSettings?: Record<string, RuleSetting>;
  rules?: readonly Rule[];
  /** false: ignore `<!-- anti-racist-lint-disable … -->` comments (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Report disable comments that suppressed nothing, at this severity (`--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: Severity | 'off';
}

const NUMERIC: Record<Severity, NumericSeverity> = { error: 2, warning: 1, info: 0 };

export function toLintMessage(doc: Document, f: Finding): LintMessage {
  const start = doc.lines.toPoint(f.span.start);
  const end = doc.lines.toPoint(f.span.end);
  return {
    ruleId: f.ruleId,
    severity: NUMERIC[f.severity],
    message: f.message,
    messageId: f.messageId,
    clause: f.clause,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(f.fix ? { fix: { range: [f.fix.span.start, f.fix.span.end], text: f.fix.text } } : {}),
    ...(f.suggestions
      ? { suggestions: f.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.edit.span.start, s.edit.span.end] as [number, number], text: s.edit.text } })) }
      : {}),
  };
}

export function buildResult(doc: Document, findings: Finding[], suppressed: SuppressedFinding[], filePath: string): LintResult {
  const messages = findings.map((f) => ({ ...toLintMessage(doc, f), fingerprint: fingerprintFinding(doc, f) }));
  const count = (severity: NumericSeverity, fixable = false) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    filePath,
    messages,
    suppressedMessages: suppressed.map((s) => ({ ...toLintMessage(doc, s), suppressions: s.suppressions })),
    errorCount: count(2),
    warningCount: count(1),
    infoCount: count(0),
    fatalErrorCount: 0,
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    source: doc.text,
  };
}

/** Parses and lints one text. The core of every entry point (CLI, audit, server); does no IO. */
export function lintDocumentText(text: string, options: LintTextOptions = {}): { doc: Document; findings: Finding[]; suppressed: SuppressedFinding[]; config: EngineConfig } {
  const rules = options.rules ?? builtInRules;
  const config = configForFile(options.config ?? {}, rules, options.filePath, options.ruleSettings);
  const doc = parseDocument(text, { format: options.format, filePath: options.filePath, kind: config.kind });
  const engine = runRules(doc, rules, config);
  const directiveOptions = { inlineConfig: options.inlineConfig, reportUnused: options.reportUnusedDisableDirectives };
  const { findings, suppressed } = applyDirectives(doc, engine, rules, directiveOptions);
  return { doc, findings, suppressed, config };
}

/** Lints a string: `lintText('Mother is mixed race.')`. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const { doc, findings, suppressed } = lintDocumentText(text, options);
  return buildResult(doc, findings, suppressed, options.filePath ?? '<text>');
}

/**
 * Reads and lints files (already expanded paths), decoded by src/io (byte-order marks, UTF-16, invalid
 * UTF-8). A file that cannot be read, is not text or is too large throws an Error naming it.
 */
export async function lintFiles(filePaths: string[], options: Omit<LintTextOptions, 'filePath'> = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  if (options.format === 'markdown' || (!options.format && filePaths.some((p) => formatForPath(p) === 'markdown'))) await prepareMarkdown();
  for (const filePath of filePaths) {
    const read = readTextFile(filePath);
    if (!read.ok) throw new Error(`${filePath}: ${read.reason}`);
    results.push(lintText(read.text, { ...options, filePath }));
  }
  return results;
}

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte-order mark) and UTF-16 LE/BE. The mark itself is
 * dropped, so columns on the first line are not shifted by it; invalid UTF-8 becomes U+FFFD.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}
