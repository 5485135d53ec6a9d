import type { LintResult } from '../linter.js';
import type { FormatterOptions } from './index.js';
import { plural, proposedWording, totals } from './shared.js';

const TYPE: Record<number, string> = { 2: 'Error', 1: 'Warning', 0: 'Info' };

/**
 * ESLint's "compact" format: one line per finding, easy to grep and understood by editors' problem matchers.
 *   /abs/notes/visit.txt: line 2, col 11, Warning - “mixed race”: … → “of dual heritage” (mixed-race)
 */
export function formatCompact(results: LintResult[], _options: FormatterOptions = {}): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      lines.push(`${result.filePath}: line ${m.line}, col ${m.column}, ${TYPE[m.severity]} - ${m.message.trim()}${proposedWording(m)} (${m.ruleId})`);
    }
  }
  const { errors, warnings, infos } = totals(results);
  const total = errors + warnings + infos;
  return total > 0 ? `${lines.join('\n')}\n\n${plural(total, 'problem')}\n` : '';
}
