import type { DocumentFormat } from '../document/types.js';
import { buildResult } from '../linter.js';
import type { PrescanLinter } from './lint-record.js';
import type { AuditMessage, AuditResult } from './result.js';

export interface RecordText {
  /** Column or field name; omitted for a whole document. */
  field?: string;
  text: string;
}

export type RecordIdentity = Pick<AuditResult, 'filePath' | 'source' | 'recordId' | 'recordIndex' | 'line' | 'year'>;

/**
 * Lints the text fields of one record and builds its result. Each field is linted as its own text, so
 * positions are lines and columns within that field. With `redact`, messages keep only rule, clause and
 * position: no message (it quotes the flagged words), fix or suggestions.
 */
export function lintRecord(linter: PrescanLinter, identity: RecordIdentity, fields: RecordText[], options: { format?: DocumentFormat; redact?: boolean }): AuditResult {
  const result: AuditResult = { ...identityFields(identity), messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const { field, text } of fields) {
    const { doc, findings, suppressed } = linter.lint(text, { format: options.format ?? 'text' });
    if (!doc) continue;
    const one = buildResult(doc, findings, suppressed, identity.filePath);
    const named = field === undefined ? {} : { field };
    result.messages.push(...one.messages.map((m) => redactIf(options.redact, { ...m, ...named })));
    // A suppression's justification may name the speaker of a quotation: redacted too.
    const suppressions = (list: { kind: string; justification: string }[]) => (options.redact ? list.map((s) => ({ kind: s.kind, justification: '' })) : list);
    result.suppressedMessages.push(...one.suppressedMessages.map((m) => ({ ...redactIf(options.redact, { ...m, ...named }), suppressions: suppressions(m.suppressions) })));
    for (const key of COUNTS) result[key] += one[key];
  }
  return result;
}

const COUNTS = ['errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount'] as const;

function identityFields(identity: RecordIdentity): RecordIdentity {
  const { line, year, ...rest } = identity;
  return { ...rest, ...(line !== undefined ? { line } : {}), ...(year !== undefined ? { year } : {}) };
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
