import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { formatters } from '../formatters/index.js';
import { lintText, type LintResult } from '../linter.js';
import { readTextFile } from '../io/read.js';
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
  // A path that cannot be linted is reported in one line naming it, the others are still linted and
  // reported, and the run exits 2.
  let ioFailure = false;
  const problem = (path: string, what: string) => {
    io.stderr(`anti-racist-lint: ${path}: ${what}\n`);
    ioFailure = true;
  };
  const files = expandPaths(operands, { onProblem: problem });
  const results: LintResult[] = [];
  for (const filePath of files) {
    const read = await readTextFile(filePath);
    if (!read.ok) {
      problem(filePath, read.reason);
      continue;
    }
    for (const warning of read.warnings) io.stderr(`anti-racist-lint: ${filePath}: warning: ${warning}\n`);
    try {
      // ESLint reports absolute paths in JSON; the stylish formatter shows them relative to the working directory.
      results.push(lintText(read.text, { filePath: resolve(filePath), config, ruleSettings: options.ruleSettings }));
    } catch (error) {
      // A bug in a rule must not cost the other files their results. The message names the file only.
      problem(filePath, `internal error while linting, please report it: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    }
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
