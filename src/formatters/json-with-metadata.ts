import type { RuleMeta } from '../engine/rule.js';
import type { LintResult } from '../linter.js';
import type { FormatterOptions } from './index.js';
import { formatJson } from './json.js';
import { builtInRules } from './rules.js';

/**
 * ESLint's "json-with-metadata": `{ results, metadata: { cwd, rulesMeta } }`, where rulesMeta holds the metadata
 * (docs, clause, severity) of every rule that appears in the results, plus anything the run adds (a baseline
 * summary).
 */
export function formatJsonWithMetadata(results: LintResult[], options: FormatterOptions = {}): string {
  const rules = options.rules ?? builtInRules();
  const used = new Set(results.flatMap((r) => [...r.messages, ...r.suppressedMessages].map((m) => m.ruleId)));
  const rulesMeta: Record<string, RuleMeta> = {};
  for (const rule of rules) if (used.has(rule.meta.id)) rulesMeta[rule.meta.id] = rule.meta;
  const metadata = { cwd: options.cwd ?? process.cwd(), rulesMeta, ...(options.metadata ?? {}) };
  return `{"results":${formatJson(results)},"metadata":${JSON.stringify(metadata)}}`;
}
