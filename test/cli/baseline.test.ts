import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  '.anti-racist-lintrc.json': JSON.stringify({ rules: { 'mixed-race': 'error' } }),
  'records/1998-assessment.txt': 'Assessment, 1998.\nMother is mixed race.\nThe children are mixed race and attend St Anne\u2019s.\n',
  'records/2004-referral.md': '# Referral\n\nReferred by the school. Father is mixed race.\n',
});
afterAll(project.cleanup);
const at = (p: string) => join(project.dir, p);
const lint = (args: string[]) => runCli(['--baseline', 'ci/baseline.json', ...args], { cwd: project.dir });

describe('--baseline', () => {
  it('--update-baseline records the current findings and the run passes', () => {
    const r = lint(['--update-baseline', 'records']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('baseline ci/baseline.json records 3 finding(s) in 2 file(s)');
    expect(r.stdout).toBe('');
  });

  it('stores files, rules and hashes only, never record text or line numbers', () => {
    const text = readFileSync(at('ci/baseline.json'), 'utf8');
    const data = JSON.parse(text);
    expect(Object.keys(data.files)).toEqual(['../records/1998-assessment.txt', '../records/2004-referral.md']);
    expect(Object.keys(data.files['../records/1998-assessment.txt'])).toEqual(['mixed-race']);
    expect(Object.keys(data.files['../records/1998-assessment.txt']['mixed-race'])).toHaveLength(2);
    for (const word of ['mixed race', 'Mother', 'children', 'Father', 'school', 'line']) expect(text).not.toContain(word);
  });

  it('known findings are not reported after lines are added above them; they are listed as suppressed', () => {
    writeFileSync(at('records/1998-assessment.txt'), 'Assessment, 1998.\nScanned in 2021.\n\nPage 1.\nMother is mixed race.\nThe children are mixed race and attend St Anne\u2019s.\n');
    const r = lint(['--format', 'json', 'records']);
    expect(r.code).toBe(0);
    const [assessment] = JSON.parse(r.stdout);
    expect(assessment.messages).toEqual([]);
    expect(assessment.errorCount).toBe(0);
    expect(assessment.suppressedMessages.map((m: { line: number; suppressions: { kind: string }[] }) => [m.line, m.suppressions[0].kind])).toEqual([
      [5, 'baseline'],
      [6, 'baseline'],
    ]);
  });

  it('a new finding is reported and fails the run, even the same words in a new sentence', () => {
    writeFileSync(at('records/2004-referral.md'), '# Referral\n\nReferred by the school. Father is mixed race.\n\nHis partner is mixed race.\n');
    const r = lint(['--format', 'json', 'records']);
    expect(r.code).toBe(1);
    const referral = JSON.parse(r.stdout)[1];
    expect(referral.messages.map((m: { line: number }) => m.line)).toEqual([5]);
  });

  it('SARIF marks baseline findings unchanged and new ones new', () => {
    const sarif = JSON.parse(lint(['--format', 'sarif', 'records']).stdout);
    const states = sarif.runs[0].results.map((x: { baselineState: string; suppressions?: { kind: string }[] }) => `${x.baselineState}:${x.suppressions?.[0].kind ?? '-'}`);
    expect(states.sort()).toEqual(['new:-', 'unchanged:external', 'unchanged:external', 'unchanged:external']);
  });

  it('reports baseline entries that no longer occur, without failing', () => {
    writeFileSync(at('records/1998-assessment.txt'), 'Assessment, 1998.\nMother is of dual heritage.\nThe children are mixed race and attend St Anne\u2019s.\n');
    writeFileSync(at('records/2004-referral.md'), '# Referral\n\nReferred by the school. Father is mixed race.\n');
    const r = lint(['records']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('baseline: 1 mixed-race finding(s) recorded for records/1998-assessment.txt no longer occur; run with --update-baseline to drop them');
  });

  it('--update-baseline of one file keeps the entries of the others, and drops what no longer occurs', () => {
    lint(['--update-baseline', 'records/1998-assessment.txt']);
    const data = JSON.parse(readFileSync(at('ci/baseline.json'), 'utf8'));
    expect(Object.values(data.files['../records/1998-assessment.txt']['mixed-race'])).toEqual([1]);
    expect(data.files['../records/2004-referral.md']).toBeDefined();
    expect(lint(['records']).stderr).toBe('');
  });

  it('a missing baseline file is an error (exit 2) unless it is being created', () => {
    const r = runCli(['--baseline', 'nope.json', 'records'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline nope.json not found (create it with --update-baseline)');
  });

  it('a malformed baseline file is an error (exit 2) naming it', () => {
    writeFileSync(at('broken.json'), '{"version": 1, "files": {"a": {"r": {"x": "lots"}}}}');
    const r = runCli(['--baseline', 'broken.json', 'records'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline broken.json is not an anti-racist-lint baseline');
  });
});
