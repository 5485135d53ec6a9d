import type { Rule } from '../engine/rule.js';
import { countsByRule, highestSeverity, needsReview, type AuditResult } from './result.js';

/**
 * `--summary FILE.csv`: one row per record with its id, source, the count of findings per rule, the highest
 * severity and whether it needs review. Rule columns are every built-in rule, so files from different runs line
 * up. Never holds record text.
 */
export function summaryHeader(rules: readonly Rule[]): string {
  return csvRow(['id', 'source', 'line', 'year', 'findings', ...rules.map((r) => r.meta.id), 'highest_severity', 'needs_review', 'fault']);
}

export function summaryRow(result: AuditResult, rules: readonly Rule[]): string {
  const counts = countsByRule(result);
  const fault = result.fatalErrorCount > 0 ? (result.messages.find((m) => m.fatal)?.message ?? 'fault') : '';
  const findings = result.messages.filter((m) => !m.fatal).length;
  return csvRow([
    result.recordId,
    result.source,
    result.line === undefined ? '' : String(result.line),
    result.year === undefined ? '' : String(result.year),
    String(findings),
    ...rules.map((r) => String(counts.get(r.meta.id) ?? 0)),
    highestSeverity(result) ?? '',
    needsReview(result) ? 'true' : 'false',
    fault,
  ]);
}

function csvRow(fields: string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * RFC 4180 quoting. A field a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: ids come from the export and are opened in Excel.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
