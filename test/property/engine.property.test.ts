import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResult, lintDocumentText, lintText, type LintResult, type LintTextOptions } from '../../src/linter.js';
import { fixText } from '../../src/fix/fix-text.js';
import { formatters } from '../../src/formatters/index.js';
import type { Edit } from '../../src/engine/rule.js';
import type { UserConfig } from '../../src/config/config.js';
import { mutatedDocument, naivePoint, recordText, runs, sarifValidator, timeoutFor, xmlProblem } from './support.js';

/**
 * For arbitrary text and for mutated documents, in plain text and Markdown, under several configurations:
 * the engine never throws; every reported range lies inside the text and its line/column agree with its
 * offsets; fixing is idempotent and leaves nothing fixable; every output format stays valid.
 */
const CONFIGS: UserConfig[] = [
  {},
  { preset: 'strict' },
  { preset: 'general-inclusive' },
  { terms: [{ id: 'service-user', match: ['service user|users'], suggest: ['the person'] }, { id: 'pattern', pattern: '\\b(?:mixed|race)\\w*', severity: 'info' }] },
];
const FORMATS = ['text', 'markdown'] as const;
const validateSarif = sarifValidator();
const counted = { inputs: 0, started: Date.now() };

interface Checked {
  text: string;
  options: LintTextOptions;
  /** The text linted once, shared by the checks. */
  result: LintResult;
}

function lintOnce(text: string, options: LintTextOptions): Checked & { all: ReturnType<typeof lintDocumentText> } {
  const all = lintDocumentText(text, options);
  return { text, options, all, result: buildResult(all.doc, all.findings, all.suppressed, options.filePath ?? '<text>') };
}

function checkRanges({ text, result, all: { findings, suppressed } }: ReturnType<typeof lintOnce>): void {
  const reported = [...findings, ...suppressed];
  const messages = [...result.messages, ...result.suppressedMessages];
  expect(messages.length).toBe(reported.length);
  reported.forEach((finding, i) => {
    const { start, end } = finding.span;
    expect(0 <= start && start <= end && end <= text.length, `${finding.ruleId} span ${start}-${end} inside 0-${text.length}`).toBe(true);
    const from = naivePoint(text, start);
    const to = naivePoint(text, end);
    expect([messages[i].line, messages[i].column, messages[i].endLine, messages[i].endColumn]).toEqual([from.line, from.column, to.line, to.column]);
    for (const edit of [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? []).map((s) => s.edit)]) {
      expect(0 <= edit.span.start && edit.span.start <= edit.span.end && edit.span.end <= text.length, `${finding.ruleId} edit inside the text`).toBe(true);
    }
  });
}

const safeEdits = (result: LintResult): Edit[] => result.messages.flatMap((m) => (m.fix ? [{ span: { start: m.fix.range[0], end: m.fix.range[1] }, text: m.fix.text }] : []));

function checkFixes({ text, options, result }: Checked): void {
  const lint = (t: string) => (t === text ? result : lintText(t, options));
  const once = fixText(text, lint, safeEdits);
  expect(once.linted.messages.filter((m) => m.fix), 'nothing fixable is left after fixing').toEqual([]);
  const twice = fixText(once.output, (t) => (t === once.output ? once.linted : lintText(t, options)), safeEdits);
  expect(twice.output, 'fixing is idempotent').toBe(once.output);
  expect(twice.applied).toBe(0);
}

function checkFormats({ text, result }: Checked): void {
  const results = [result];
  const formatOptions = { cwd: '/records', root: '/records' };
  for (const [name, format] of Object.entries(formatters)) {
    const out = format(results, formatOptions);
    expect(typeof out, name).toBe('string');
    if (name === 'json' || name === 'json-with-metadata') expect(() => JSON.parse(out), name).not.toThrow();
    if (name === 'sarif') {
      const ok = validateSarif(JSON.parse(out));
      expect(ok ? [] : validateSarif.errors, 'SARIF matches its schema').toEqual([]);
    }
    if (name === 'junit') expect(xmlProblem(out), 'junit is well-formed XML').toBeUndefined();
    if (name === 'github') for (const line of out.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) file=[^\r\n]*::[^\r\n]*$/);
  }
  // JSON never carries the source text (the result's `source` field stays in memory).
  if (text.length > 40 && !/[\\"\u0000-\u001f\u2028\u2029]/.test(text)) expect(formatters.json(results, formatOptions)).not.toContain(text);
}

function checkAll(text: string, format: (typeof FORMATS)[number], config: UserConfig): void {
  counted.inputs++;
  const checked = lintOnce(text, { format, config, filePath: `/records/${format === 'markdown' ? 'note.md' : 'note.txt'}` });
  checkRanges(checked);
  checkFixes(checked);
  checkFormats(checked);
}

const input = (text: fc.Arbitrary<string>) => fc.tuple(text, fc.constantFrom(...FORMATS), fc.constantFrom(...CONFIGS));

describe('engine properties', () => {
  afterAll(() => {
    const seconds = (Date.now() - counted.started) / 1000;
    console.log(`engine properties: ${counted.inputs} generated inputs checked in ${seconds.toFixed(1)} s`);
  });

  it('arbitrary Unicode and rule words: no throw, ranges inside and consistent, fixes idempotent, formats valid', () => {
    fc.assert(
      fc.property(input(recordText()), ([text, format, config]) => checkAll(text, format, config)),
      { numRuns: runs(150) },
    );
  }, timeoutFor(150));

  it('mutated documents: the same properties', () => {
    fc.assert(
      fc.property(input(mutatedDocument()), ([text, format, config]) => checkAll(text, format, config)),
      { numRuns: runs(150) },
    );
  }, timeoutFor(150));
});
