import { rules } from '../../rules/index.js';
import { clauseLabel } from '../engine/rule.js';
import { UsageError } from './files.js';

export function listRules(): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  return rules.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.standards.map(clauseLabel).join(', ')}  ${r.meta.docs.summary}`).join('\n') + '\n';
}

/** `--explain RULE`: rationale, clauses and examples, as plain text for a terminal. */
export function explainRule(id: string): string {
  const rule = rules.find((r) => r.meta.id === id || r.meta.aliases?.includes(id));
  if (!rule) throw new UsageError(`--explain: unknown rule "${id}" (see --list-rules)`);
  const { meta } = rule;
  return [
    `${meta.id} (${meta.category}; default ${meta.severity}; ${meta.fix === 'safe' ? 'fixable' : meta.fix === 'suggestion' ? 'suggestions' : 'no fix'})`,
    '',
    meta.docs.summary,
    '',
    meta.docs.rationale,
    '',
    `Enforces: ${meta.standards.map((s) => `${clauseLabel(s)} (${s.doc})`).join('; ')}`,
    '',
    'Flagged:',
    ...meta.docs.examples.bad.map((e) => `  ✗ ${e}`),
    '',
    'Not flagged:',
    ...meta.docs.examples.good.map((e) => `  ✓ ${e}`),
    '',
  ].join('\n');
}
