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
  const fault = result.fatalErrorCount > 0 ? (result.messages.find((m) => m.fatal)?.message ?? 'fault') : '';
  const counts = result.messages.length ? countsByRule(result) : undefined;
  // Numbers need no quoting; only text fields go through csvField.
  let row = `${csvField(result.recordId)},${csvField(result.source)},${result.line ?? ''},${result.year ?? ''},${result.messages.length - result.fatalErrorCount}`;
  for (const rule of rules) row += `,${counts?.get(rule.meta.id) ?? 0}`;
  return `${row},${highestSeverity(result) ?? ''},${needsReview(result)},${csvField(fault)}\r\n`;
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
