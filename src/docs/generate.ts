import type { Rule } from '../engine/rule.js';
import { clauseLabel } from '../engine/rule.js';

/**
 * Everything generated from rule metadata: each rule's README, the rule table in the top-level README and
 * the example configuration. `npm run docs` writes these; test/docs.test.ts fails when they drift.
 */
export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

export function ruleReadme(rule: Rule): string {
  const { meta } = rule;
  const options = Object.entries(meta.options ?? {});
  return [
    `# ${meta.id}`,
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; edit rules/' + meta.id + '/rule.ts instead. -->',
    '',
    `> ${meta.docs.summary}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Category | ${meta.category} |`,
    `| Default severity | ${meta.severity} |`,
    `| Enforces | ${meta.standards.map((s) => `${clauseLabel(s)} (\`${s.doc}\`)`).join('<br>')} |`,
    `| Fix | ${meta.fix === 'safe' ? 'safe fix where the standard gives a direct replacement; suggestions otherwise' : meta.fix === 'suggestion' ? 'suggestions only (rewording needs judgement)' : 'none'} |`,
    ...(meta.aliases?.length ? [`| Aliases | ${meta.aliases.join(', ')} |`] : []),
    '',
    '## Why',
    '',
    meta.docs.rationale,
    '',
    '## Flagged',
    '',
    ...meta.docs.examples.bad.map((e) => `- ✗ ${e.replace(/\n/g, ' ⏎ ')}`),
    '',
    '## Not flagged',
    '',
    ...meta.docs.examples.good.map((e) => `- ✓ ${e.replace(/\n/g, ' ⏎ ')}`),
    ...(options.length
      ? ['', '## Options', '', '| option | type | default | meaning |', '| --- | --- | --- | --- |', ...options.map(([name, spec]) => `| \`${name}\` | ${spec.type}${spec.enum ? ` (${spec.enum.map((e) => `\`${e}\``).join(', ')})` : ''} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`)]
      : []),
    '',
  ].join('\n');
}

export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => {
    const fix = r.meta.fix === 'safe' ? '🔧' : r.meta.fix === 'suggestion' ? '💡' : '';
    return `| [\`${r.meta.id}\`](rules/${r.meta.id}/README.md) | ${r.meta.docs.summary} | ${r.meta.standards.map(clauseLabel).join(', ')} | ${r.meta.severity} | ${fix} |`;
  });
  return [TABLE_START, '| rule | what it checks | clause | default | fix |', '| --- | --- | --- | --- | --- |', ...rows, TABLE_END].join('\n');
}

export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < 0) throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END} markers`);
  return readme.slice(0, start) + rulesTable(rules) + readme.slice(end + TABLE_END.length);
}

export function exampleConfig(rules: readonly Rule[]): string {
  const entries: Record<string, unknown> = {};
  for (const r of rules) {
    const severity = r.meta.category === 'general-inclusive' ? 'off' : r.meta.severity === 'warning' ? 'warn' : r.meta.severity;
    const options = Object.fromEntries(Object.entries(r.meta.options ?? {}).map(([k, spec]) => [k, spec.default]));
    entries[r.meta.id] = Object.keys(options).length ? [severity, options] : severity;
  }
  const config = {
    preset: 'recommended',
    rules: entries,
    overrides: [{ files: ['policies/**/*.md'], kind: 'policy', rules: { 'generic-ethnicity': 'info' } }],
    ignorePatterns: ['archive/**'],
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** path (relative to the package root) → generated content */
export function generatedFiles(rules: readonly Rule[], readme: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of rules) files.set(`rules/${r.meta.id}/README.md`, ruleReadme(r));
  files.set('README.md', withRulesTable(readme, rules));
  files.set('.anti-racist-lintrc.example.json', exampleConfig(rules));
  return files;
}
