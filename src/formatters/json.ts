import type { LintResult } from '../linter.js';

/** ESLint's JSON formatter schema. Record text (`source`) is never included. */
export function formatJson(results: LintResult[]): string {
  return JSON.stringify(results.map(({ source: _source, ...rest }) => rest));
}
