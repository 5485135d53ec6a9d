import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { INVALID_DIRECTIVE_ID, UNUSED_DIRECTIVE_ID } from '../engine/directives.js';
import { clauseLabel, type Rule, type Severity } from '../engine/rule.js';
import type { LintMessage, LintResult, SuppressedLintMessage } from '../linter.js';
import { packageVersion } from '../package-root.js';
import type { FormatterOptions } from './index.js';
import { builtInRules } from './rules.js';
import { displayPath } from './shared.js';

const LEVEL: Record<number, Sarif.Result.level> = { 2: 'error', 1: 'warning', 0: 'note' };
const DEFAULT_LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = 'SRCROOT';
/** The key under which our fingerprints are given to SARIF consumers (GitHub code scanning tracks alerts by it). */
export const FINGERPRINT_KEY = 'antiRacistLintFinding/v1';

/** Problems about in-document directives are not rules, but a SARIF result must name a described rule. */
const DIRECTIVE_DESCRIPTORS: Sarif.ReportingDescriptor[] = [
  {
    id: UNUSED_DIRECTIVE_ID,
    shortDescription: { text: 'An anti-racist-lint-disable comment that suppresses nothing.' },
    help: { text: 'Remove the comment, or correct its rule list (--report-unused-disable-directives).' },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: INVALID_DIRECTIVE_ID,
    shortDescription: { text: 'An anti-racist-lint directive names a rule that does not exist.' },
    help: { text: 'Correct the rule id (see anti-racist-lint --list-rules).' },
    defaultConfiguration: { level: 'error' },
  },
];

export function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const clause = meta.standards.map(clauseLabel).join(', ');
  const helpLines = [
    meta.docs.summary,
    ...(meta.docs.rationale ? ['', meta.docs.rationale] : []),
    '',
    `Enforces: ${meta.standards.map((s) => `${clauseLabel(s)} (${s.doc})`).join('; ')}`,
    ...(meta.docs.examples.bad.length ? ['', 'Flagged:', ...meta.docs.examples.bad.map((e) => `  ✗ ${e}`)] : []),
    ...(meta.docs.examples.good.length ? ['', 'Not flagged:', ...meta.docs.examples.good.map((e) => `  ✓ ${e}`)] : []),
  ];
  return {
    id: meta.id,
    ...(meta.aliases?.length ? { deprecatedIds: meta.aliases } : {}),
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.rationale || meta.docs.summary },
    help: { text: helpLines.join('\n') },
    defaultConfiguration: { level: DEFAULT_LEVEL[meta.severity] },
    properties: {
      clause,
      standards: meta.standards.map((s) => ({ doc: s.doc, clause: s.clause })),
      category: meta.category,
      fix: meta.fix,
      tags: ['anti-racist-practice', meta.category],
    },
  };
}

/** A relative URI for a file under the working directory, an absolute file URI otherwise. */
function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const shown = displayPath(filePath, cwd);
  if (shown === filePath && /^([a-zA-Z]:)?[\\/]/.test(filePath)) return { uri: pathToFileURL(filePath).href };
  return { uri: shown.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

type Suppressed = SuppressedLintMessage;

function sarifResult(
  m: LintMessage,
  location: Sarif.ArtifactLocation,
  ruleIndex: Map<string, number>,
  state: { suppressed?: Suppressed; baseline: boolean },
): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: m.ruleId,
    ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: LEVEL[m.severity],
    message: { text: m.message.trim() },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(m) } }],
    ...(m.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: m.fingerprint } } : {}),
    ...(m.fix ? { fixes: [fixOf(m.fix, location, 'Safe fix (--fix)')] } : {}),
    ...(m.clause ? { properties: { clause: m.clause } } : {}),
  };
  if (state.baseline) result.baselineState = state.suppressed?.suppressions.some((s) => s.kind === 'baseline') ? 'unchanged' : 'new';
  if (state.suppressed) {
    result.suppressions = state.suppressed.suppressions.map((s) => ({
      kind: s.kind === 'directive' ? 'inSource' : 'external',
      ...(s.justification ? { justification: s.justification } : {}),
    }));
  }
  return result;
}

function region(m: LintMessage): Sarif.Region {
  return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function fixOf(fix: NonNullable<LintMessage['fix']>, location: Sarif.ArtifactLocation, description: string): Sarif.Fix {
  const [start, end] = fix.range;
  return {
    description: { text: `${description}: “${fix.text}”` },
    artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: fix.text } }] }],
  };
}

/**
 * SARIF 2.1.0, for GitHub code scanning and SARIF viewers. tool.driver.rules describes every rule (summary,
 * rationale, the clause it enforces, examples); each result points at its region, carries its fingerprint
 * (partialFingerprints) and its safe fix. Findings suppressed by an in-document directive or a baseline are
 * included with `suppressions`, so a viewer can show them as suppressed; quotation exemptions are not findings
 * and are left out. No record text is included beyond what the messages themselves quote.
 */
export function formatSarif(results: LintResult[], options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const rules = options.rules ?? builtInRules();
  const descriptors = [...rules.map(ruleDescriptor)];
  const usedIds = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  for (const d of DIRECTIVE_DESCRIPTORS) if (usedIds.has(d.id)) descriptors.push(d);
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));
  const baseline = options.metadata?.baseline !== undefined;

  const sarifResults: Sarif.Result[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, cwd);
    for (const m of result.messages) sarifResults.push(sarifResult(m, location, ruleIndex, { baseline }));
    for (const s of result.suppressedMessages as Suppressed[]) {
      if (!s.suppressions.some((x) => x.kind === 'directive' || x.kind === 'baseline')) continue;
      sarifResults.push(sarifResult(s, location, ruleIndex, { suppressed: s, baseline }));
    }
  }

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'anti-racist-lint', version: packageVersion(), semanticVersion: packageVersion(), rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
