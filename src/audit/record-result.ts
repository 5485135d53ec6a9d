import type { DocumentFormat } from '../document/types.js';
import { buildResult } from '../linter.js';
import type { PrescanLinter } from './lint-record.js';
import type { AuditMessage, AuditResult } from './result.js';

export interface RecordText {
  /** Column or field name; omitted for a whole document. */
  name?: string;
  text: string;
}

export type RecordIdentity = Pick<AuditResult, 'filePath' | 'source' | 'recordId' | 'recordIndex' | 'line' | 'year'>;

/**
 * Lints the text fields of one record and builds its result. Each field is linted as its own text, so
 * positions are lines and columns within that field. With `redact`, messages keep only rule, clause and
 * position: no message (it quotes the flagged words), fix or suggestions.
 */
export function lintRecord(linter: PrescanLinter, identity: RecordIdentity, fields: RecordText[], options: { format?: DocumentFormat; redact?: boolean }): AuditResult {
  const result = emptyResult(identity);
  for (const { name: field, text } of fields) {
    const { doc, findings, suppressed } = linter.lint(text, { format: options.format ?? 'text' });
    if (!doc) continue;
    const one = buildResult(doc, findings, suppressed, identity.filePath);
    const named = field === undefined ? {} : { field };
    // One at a time, not push(...list): a record with a million findings exceeds the argument limit.
    for (const m of one.messages) result.messages.push(redactIf(options.redact, { ...m, ...named }));
    // A suppression's justification may name the speaker of a quotation: redacted too.
    const suppressions = (list: { kind: string; justification: string }[]) => (options.redact ? list.map((s) => ({ kind: s.kind, justification: '' })) : list);
    for (const m of one.suppressedMessages) result.suppressedMessages.push({ ...redactIf(options.redact, { ...m, ...named }), suppressions: suppressions(m.suppressions) });
    for (const key of COUNTS) result[key] += one[key];
  }
  return result;
}

const COUNTS = ['errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount'] as const;

/** A record's result with no findings yet (optional fields only when set, so JSON stays the same). */
export function emptyResult(identity: RecordIdentity): AuditResult {
  const result: AuditResult = { filePath: identity.filePath, source: identity.source, recordId: identity.recordId, recordIndex: identity.recordIndex } as AuditResult;
  if (identity.line !== undefined) result.line = identity.line;
  if (identity.year !== undefined) result.year = identity.year;
  result.messages = [];
  result.suppressedMessages = [];
  result.errorCount = 0;
  result.warningCount = 0;
  result.infoCount = 0;
  result.fatalErrorCount = 0;
  result.fixableErrorCount = 0;
  result.fixableWarningCount = 0;
  return result;
}

function redactIf(redact: boolean | undefined, message: AuditMessage): AuditMessage {
  if (!redact) return message;
  const { message: _text, fix: _fix, suggestions: _suggestions, ...kept } = message;
  return kept;
}

/** The year of a date as exports write it: 2019-01-17, 17/01/2019, 17 January 2019, 2019. */
export function yearOf(date: string | undefined): number | undefined {
  const m = date ? /(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)/.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}
