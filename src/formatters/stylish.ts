import { Chalk } from 'chalk';
import type { LintResult } from '../linter.js';
import type { FormatterOptions } from './index.js';
import { displayPath, proposedWording, SEVERITY_WORD as LABEL } from './shared.js';

/**
 * ESLint's "stylish" layout: a file header, then one line per finding with position, severity, message,
 * the suggested wording, the rule id and the clause it enforces.
 */
export function formatStylish(results: LintResult[], options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const shown = (file: string) => displayPath(file, cwd);
  const chalk = new Chalk({ level: options.color === false ? 0 : options.color ? 1 : 0 });
  const colour = (severity: number, text: string) => (severity === 2 ? chalk.red(text) : severity === 1 ? chalk.yellow(text) : chalk.blue(text));
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    lines.push('', chalk.underline(shown(result.filePath)));
    const rows = result.messages.map((m) => {
      const rule = m.clause ? `${m.ruleId} (${m.clause})` : m.ruleId;
      return [`${m.line}:${m.column}`, colour(m.severity, LABEL[m.severity]), `${m.message.trim()}${proposedWording(m)}`, chalk.dim(rule)];
    });
    // reduce, not Math.max(...list): a file with a million findings exceeds the argument limit.
    const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
    const severityWidth = result.messages.reduce((w, m) => Math.max(w, LABEL[m.severity].length), 0);
    for (const [position, severity, message, rule] of rows) {
      const plainSeverity = severity.replace(/\u001b\[[0-9;]*m/g, '');
      lines.push(`  ${chalk.dim(position.padEnd(width))}  ${severity}${' '.repeat(severityWidth - plainSeverity.length)}  ${message}  ${rule}`);
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
  lines.push('', errors ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
  if (fixable) lines.push(chalk.dim(`  ${fixable} can be fixed with the \`--fix\` option.`));
  return lines.join('\n') + '\n';
}
