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
  const head = `${csvField(result.recordId)},${csvField(result.source)},${result.line ?? ''},${result.year ?? ''}`;
  // Most records have no finding: one template, with the rule columns' zeros made once per rule list.
  if (result.messages.length === 0) return `${head},0${zerosFor(rules)},,false,\r\n`;
  const fault = result.fatalErrorCount > 0 ? (result.messages.find((m) => m.fatal)?.message ?? 'fault') : '';
  const counts = countsByRule(result);
  let row = `${head},${result.messages.length - result.fatalErrorCount}`;
  for (const rule of rules) row += `,${counts.get(rule.meta.id) ?? 0}`;
  return `${row},${highestSeverity(result) ?? ''},${needsReview(result)},${csvField(fault)}\r\n`;
}

const zeros = new WeakMap<readonly Rule[], string>();
function zerosFor(rules: readonly Rule[]): string {
  let z = zeros.get(rules);
  if (z === undefined) zeros.set(rules, (z = ',0'.repeat(rules.length)));
  return z;
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
