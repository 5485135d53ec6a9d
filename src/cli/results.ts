import type { LintMessage, LintResult, SuppressedLintMessage } from '../linter.js';

/** A result with other messages, its counts recomputed from them (ESLint's counting). */
export function withMessages(result: LintResult, messages: LintMessage[], suppressedMessages: SuppressedLintMessage[] = result.suppressedMessages): LintResult {
  const count = (severity: number, fixable = false) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    ...result,
    messages,
    suppressedMessages,
    errorCount: count(2),
    warningCount: count(1),
    infoCount: count(0),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/** `--quiet`: errors only. */
export function onlyErrors(result: LintResult): LintResult {
  return withMessages(result, result.messages.filter((m) => m.severity === 2));
}

export function sumCounts(results: LintResult[]): { errors: number; warnings: number } {
  return {
    errors: results.reduce((n, r) => n + r.errorCount, 0),
    warnings: results.reduce((n, r) => n + r.warningCount, 0),
  };
}
