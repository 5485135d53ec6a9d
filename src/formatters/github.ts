import type { LintResult } from '../linter.js';
import type { FormatterOptions } from './index.js';
import { portablePath, proposedWording } from './shared.js';

const COMMAND: Record<number, string> = { 2: 'error', 1: 'warning', 0: 'notice' };

/** Workflow-command escaping of the message: '%', CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape ':' and ',', which separate the properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines of a pull request:
 *   ::warning file=notes/visit.txt,line=2,col=11,endLine=2,endColumn=21,title=mixed-race (001 §2.1)::“mixed race”: …
 * Paths are relative to the repository root (`root`, GITHUB_WORKSPACE in a workflow) or the working directory.
 */
export function formatGithub(results: LintResult[], options: FormatterOptions = {}): string {
  const root = options.root ?? options.cwd ?? process.cwd();
  const lines: string[] = [];
  for (const result of results) {
    const file = portablePath(result.filePath, root);
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.clause ? `${m.ruleId} (${m.clause})` : m.ruleId)}`,
      ];
      lines.push(`::${COMMAND[m.severity]} ${properties.join(',')}::${escapeData(`${m.message.trim()}${proposedWording(m)}`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
