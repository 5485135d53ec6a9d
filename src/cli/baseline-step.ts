import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Baseline, findingCount, type BaselineJson } from '../baseline/baseline.js';
import { ensureFolder, writeFileAtomic } from '../fix/write-file.js';
import type { LintResult } from '../linter.js';
import { withMessages } from './results.js';

export interface BaselineSummary {
  file: string;
  /** Findings not in the baseline (reported). */
  new: number;
  /** Findings in the baseline (not reported; listed in suppressedMessages with kind 'baseline'). */
  known: number;
  /** Baseline entries that no longer occur in the files linted. */
  absent: { filePath: string; ruleId: string; count: number }[];
}

/**
 * `--baseline FILE` (and `--update-baseline`): writes the baseline first when asked, then moves the findings it
 * records from `messages` to `suppressedMessages`, so only new findings are reported and counted.
 */
export function applyBaselineStep(
  results: LintResult[],
  options: { file: string; update: boolean },
  cwd: string,
  stderr: (s: string) => void,
): { results: LintResult[]; summary: BaselineSummary } {
  const path = resolve(cwd, options.file);
  let baseline = options.update ? loadOrEmpty(path, options.file) : Baseline.load(path, options.file);
  if (options.update) {
    const json: BaselineJson = baseline.updated(results);
    ensureFolder(dirname(path));
    writeFileAtomic(path, Buffer.from(JSON.stringify(json, null, 2) + '\n'));
    stderr(`anti-racist-lint: baseline ${options.file} records ${findingCount(json)} finding(s) in ${Object.keys(json.files).length} file(s)\n`);
    baseline = Baseline.load(path, options.file);
  }

  const summary: BaselineSummary = { file: options.file, new: 0, known: 0, absent: [] };
  const justification = `recorded in the baseline ${options.file}`;
  const out = results.map((result) => {
    const split = baseline.split(result.filePath, result.messages);
    summary.new += split.fresh.length;
    summary.known += split.known.length;
    for (const a of split.absent) summary.absent.push({ filePath: result.filePath, ...a });
    const known = split.known.map((m) => ({ ...m, suppressions: [{ kind: 'baseline', justification }] }));
    return withMessages(result, split.fresh, [...result.suppressedMessages, ...known]);
  });
  return { results: out, summary };
}

/** A first `--update-baseline` starts from nothing; a malformed existing file is still an error. */
function loadOrEmpty(path: string, shown: string): Baseline {
  return existsSync(path) ? Baseline.load(path, shown) : Baseline.empty(path);
}
