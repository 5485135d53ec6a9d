import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { formatters } from '../formatters/index.js';
import { lintText, type LintResult } from '../linter.js';
import { readDocument } from '../input/document.js';
import type { RuleSetting } from '../engine/lint.js';
import { rules } from '../../rules/index.js';
import { expandPaths } from './files.js';

export interface LintCommandOptions {
  format: string;
  config?: string;
  ruleSettings: Record<string, RuleSetting>;
  quiet?: boolean;
  maxWarnings?: number;
  color?: boolean;
}

/** Lints the operands and prints the results; returns the ESLint-style exit code. */
export async function runLint(
  operands: string[],
  options: LintCommandOptions,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  const { config } = loadConfig(rules, { configFile: options.config });
  const files = expandPaths(operands);
  const results: LintResult[] = [];
  let ioFailure = false;
  for (const filePath of files) {
    let text: string;
    try {
      // .docx and .html are converted to text; positions refer to that text.
      text = (await readDocument(filePath)).text;
    } catch (error) {
      // One unreadable file is reported and the others are still linted (exit 2 at the end).
      io.stderr(`anti-racist-lint: cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      ioFailure = true;
      continue;
    }
    // ESLint reports absolute paths in JSON; the stylish formatter shows them relative to the working directory.
    results.push(lintText(text, { filePath: resolve(filePath), config, ruleSettings: options.ruleSettings }));
  }
  const shown = options.quiet ? results.map(onlyErrors) : results;
  const formatter = formatters[options.format];
  const color = options.color ?? process.stdout.isTTY === true;
  io.stdout(formatter(shown, { color }));

  if (ioFailure) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`anti-racist-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, infoCount: 0, fixableWarningCount: 0 };
}
