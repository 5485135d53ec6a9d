import type { LintMessage, LintResult } from '../linter.js';

/**
 * One record's result, in ESLint's formatter schema (one "file" per record) plus the record's identity. This
 * is what workers send back, what `--format json` writes one per line, and what merge-reports reads.
 */
export interface AuditMessage extends Omit<LintMessage, 'message' | 'ruleId'> {
  ruleId: string | null;
  /** Absent when redacted: messages quote the flagged words. */
  message?: string;
  /** The column or field of the record the position refers to (exports with several text columns). */
  field?: string;
  /** A record that could not be read (ESLint's fatal parsing error). */
  fatal?: true;
}

export interface AuditSuppressedMessage extends AuditMessage {
  suppressions: { kind: string; justification: string }[];
}

export interface AuditResult extends Omit<LintResult, 'messages' | 'suppressedMessages' | 'source' | 'output'> {
  /** The source as given on the command line (relative to the working directory), used for ordering. */
  source: string;
  /** The record's id (an export's id column, `#<row>` without one, or the file's path). */
  recordId: string;
  /** Position of the record in its source: 0 for a document; -1 for a fault of the whole source. */
  recordIndex: number;
  /** Line of the source file where the record starts (exports). */
  line?: number;
  /** Year of the record's date (--date-column). */
  year?: number;
  messages: AuditMessage[];
  suppressedMessages: AuditSuppressedMessage[];
}

/** Where a record's bytes are, to read it again after a resumed run. Never written to outputs. */
export interface RecordLocator {
  offset: number;
  length: number;
}

export type Severity = 'error' | 'warning' | 'info';

const SEVERITY_NAMES: Record<number, Severity> = { 2: 'error', 1: 'warning', 0: 'info' };

/** The highest severity among a record's findings (faults count as errors), or undefined. */
export function highestSeverity(result: AuditResult): Severity | undefined {
  if (result.errorCount > 0 || result.fatalErrorCount > 0) return 'error';
  if (result.warningCount > 0) return 'warning';
  if (result.infoCount > 0) return 'info';
  return undefined;
}

/** A record needs a person to review it when it has an error or warning finding, or could not be read. */
export function needsReview(result: AuditResult): boolean {
  return result.errorCount > 0 || result.warningCount > 0 || result.fatalErrorCount > 0;
}

export function severityName(severity: number): Severity {
  return SEVERITY_NAMES[severity] ?? 'info';
}

/** Findings per rule id (fatal messages excluded). */
export function countsByRule(result: AuditResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of result.messages) if (m.ruleId) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}

/** The order of records in every output: by source, then position in the source. */
export function compareResults(a: Pick<AuditResult, 'source' | 'recordIndex'>, b: Pick<AuditResult, 'source' | 'recordIndex'>): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.recordIndex - b.recordIndex;
}

/** A result for a record or source that could not be read; `line` (of the source file) says where. */
export function faultResult(base: Pick<AuditResult, 'filePath' | 'source' | 'recordId' | 'recordIndex' | 'line' | 'year'>, reason: string): AuditResult {
  return {
    ...stripUndefined(base),
    messages: [{ ruleId: null, fatal: true, severity: 2, message: reason, messageId: 'fault', clause: '', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    suppressedMessages: [],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
