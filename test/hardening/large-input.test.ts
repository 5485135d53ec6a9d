import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { lintText } from '../../src/linter.js';
import { formatters } from '../../src/formatters/index.js';
import { runCliBounded, STACK_LINE } from './support.js';
import { rules } from '../../rules/index.js';
import { PrescanLinter } from '../../src/audit/lint-record.js';
import { TriggerScanner } from '../../src/audit/prescan.js';
import { configForFile } from '../../src/config/config.js';

/**
 * Huge and deeply nested inputs finish in time proportional to their size, without a stack overflow, and
 * positions stay exact at the far end. Limits are generous (the machine is shared); the failures they
 * guard against are quadratic (hours) or a crash.
 */
const project = tempProject({});
afterAll(project.cleanup);

const SENTENCE = 'Mother is mixed race. ';
/** One "word" of a base64 attachment, the kind of thing a case-management export puts on one long line. */
const BLOB_WORD = 'QWxsIHJlY29yZHMgaGVyZSBhcmUgaW52ZW50ZWQgZm9yIHRlc3RpbmcgcHVycG9zZXM ';

function lintFileJson(name: string, content: string, timeoutMs: number) {
  writeFileSync(join(project.dir, name), content);
  const r = runCliBounded(['--format', 'json', name], { cwd: project.dir, timeoutMs });
  expect(r.timedOut, `${name} must not hang`).toBe(false);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).toBe('');
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; endColumn: number }[] }[];
  return result.messages.filter((m) => m.ruleId === 'mixed-race').map((m) => `${m.line}:${m.column}-${m.endColumn}`);
}

describe('a 20 MB file on one line', () => {
  it('is linted, with exact columns at its start, middle and end', () => {
    const size = 20 * 1000 * 1000;
    const half = BLOB_WORD.repeat(Math.ceil(size / 2 / BLOB_WORD.length)).slice(0, size / 2 - SENTENCE.length);
    const text = SENTENCE + half + SENTENCE + half.slice(0, size / 2 - 2 * SENTENCE.length) + SENTENCE;
    expect(text.length).toBe(size);
    const middle = SENTENCE.length + half.length;
    const end = size - SENTENCE.length;
    expect(lintFileJson('one-line.txt', text, 120_000)).toEqual([`1:11-21`, `1:${middle + 11}-${middle + 21}`, `1:${end + 11}-${end + 21}`]);
  }, 150_000);

  it('prose on one long line takes time in proportion to its length (not its square)', () => {
    const unit = 'The family attended the review on Tuesday and said that the plan, which was agreed, "works for us". ';
    const line = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n - SENTENCE.length) + SENTENCE;
    lintText(line(20_000)); // warm up the parser and the rules
    const cpuMs = (n: number) => {
      const start = process.cpuUsage();
      const result = lintText(line(n), { filePath: 'x.txt' });
      const used = process.cpuUsage(start);
      expect(result.messages.map((m) => m.column)).toEqual([n - SENTENCE.length + 11]);
      return (used.user + used.system) / 1000;
    };
    const small = cpuMs(200_000);
    const large = cpuMs(1_600_000);
    // Linear time gives a ratio of about 8; quadratic, 64.
    expect(large / small).toBeLessThan(24);
  }, 120_000);

  it('an audit record on one long line with an ethnicity word in every sentence: time in proportion to its length', () => {
    // generic-ethnicity reads a candidate's line when a field label precedes it; finding the line must not
    // walk back over the whole line for every candidate (that was quadratic: 0.85 MB took two minutes).
    const linter = new PrescanLinter(rules, configForFile({}, rules, undefined));
    const record = (n: number) => 'He met a Black woman at the shop and she said hello. '.repeat(n);
    linter.lint(record(500)); // warm up
    const cpuMs = (n: number) => {
      const start = process.cpuUsage();
      const { findings } = linter.lint(record(n));
      const used = process.cpuUsage(start);
      expect(findings.filter((f) => f.ruleId === 'generic-ethnicity')).toHaveLength(n);
      return (used.user + used.system) / 1000;
    };
    const small = cpuMs(2_000);
    const large = cpuMs(16_000);
    // Linear time gives a ratio of about 8; quadratic, 64.
    expect(large / small).toBeLessThan(24);
  }, 120_000);

  it('an audit record with combination words in every sentence: pre-scan time in proportion to its length', () => {
    // 'explained' and 'heritage' open combinations (stereotype, minimising-racism) whose other lists hold
    // 'family' and 'home': every sentence has gates and partners. Deciding them must not compare every gate
    // with every partner of the record.
    const config = configForFile({}, rules, undefined);
    const scanner = new TriggerScanner(rules.filter((r) => (config.rules[r.meta.id]?.severity ?? r.meta.severity) !== 'off'), { config });
    const record = (n: number) => 'The aunt explained the family heritage at home and we talked. '.repeat(n);
    scanner.scan(record(500)); // warm up
    const cpuMs = (n: number) => {
      const start = process.cpuUsage();
      scanner.mayTrigger([record(n)]);
      const { rules: triggered } = scanner.scan(record(n));
      const used = process.cpuUsage(start);
      expect(triggered.map((r) => r.meta.id)).toEqual(['stereotype']);
      return (used.user + used.system) / 1000;
    };
    const small = cpuMs(4_000);
    const large = cpuMs(32_000);
    // Linear time gives a ratio of about 8; quadratic, 64.
    expect(large / small).toBeLessThan(24);
  }, 120_000);

  it.runIf(process.env.HARDENING_FULL)('prose: a real 20 MB line (npm run fuzz)', () => {
    const unit = 'The family attended the review on Tuesday and said that the plan, which was agreed, "works for us". ';
    const size = 20 * 1000 * 1000;
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size - SENTENCE.length) + SENTENCE;
    expect(lintFileJson('prose-line.txt', text, 600_000)).toEqual([`1:${size - SENTENCE.length + 11}-${size - SENTENCE.length + 21}`]);
  }, 660_000);
});

describe('Markdown nested thousands of levels deep', () => {
  const tail = 'Mother is mixed race.';
  const cases: [string, string, string][] = [
    ['10,000 block quotes on one line', '> '.repeat(10_000) + tail, `1:${20_000 + 11}-${20_000 + 21}`],
    ['3,000 lines, each quoted one level deeper', Array.from({ length: 3_000 }, (_, i) => '>'.repeat(i + 1) + ' Note.').join('\n') + '\n' + '>'.repeat(3_001) + ' ' + tail, `3001:${3_002 + 11}-${3_002 + 21}`],
    ['10,000 nested list markers', '- '.repeat(10_000) + tail, `1:${20_000 + 11}-${20_000 + 21}`],
    ['5,000 ordered list markers', '1. '.repeat(5_000) + tail, `1:${15_000 + 11}-${15_000 + 21}`],
    ['1,000 lists nested by indentation', Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i * 2) + '- Note.').join('\n') + '\n' + ' '.repeat(2_000) + '- ' + tail, `1001:${2_002 + 11}-${2_002 + 21}`],
    ['mixed quotes and lists, 5,000 deep', '> - '.repeat(5_000) + tail, `1:${20_000 + 11}-${20_000 + 21}`],
    ['5,000 nested emphasis marks', '*'.repeat(5_000) + tail + '*'.repeat(5_000), `1:${5_000 + 11}-${5_000 + 21}`],
    ['5,000 nested links', '['.repeat(5_000) + tail + '](x)'.repeat(5_000), `1:${5_000 + 11}-${5_000 + 21}`],
    ['10,000 unmatched code and link openers', '\\``[ ('.repeat(2_000) + ' ' + tail, `1:${12_001 + 11}-${12_001 + 21}`],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: no stack overflow, finishes, exact position`, () => {
      expect(lintFileJson(`${name.replace(/\W+/g, '-')}.md`, text, 90_000)).toEqual([expected]);
    }, 120_000);
  }
});

describe('a file with hundreds of thousands of findings', () => {
  it('every formatter copes (no argument-limit crash from spreading a huge list)', () => {
    const message = { ruleId: 'mixed-race', severity: 1 as const, message: '“mixed race”: use “dual heritage”.', messageId: 'mixedRace', clause: '001 §2.1', line: 1, column: 11, endLine: 1, endColumn: 21 };
    const messages = Array.from({ length: 300_000 }, (_, i) => ({ ...message, line: i + 1 }));
    const result = { filePath: '/records/huge.txt', messages, suppressedMessages: [], errorCount: 0, warningCount: messages.length, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    for (const name of ['stylish', 'compact', 'json', 'github', 'junit']) {
      const out = formatters[name]([result], { cwd: '/records', root: '/records' });
      expect(out.length, name).toBeGreaterThan(messages.length * 10);
    }
  }, 120_000);
});
