import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  'policy.md': [
    '# Equality policy (2019 wording, kept for the record)',
    '',
    '<!-- anti-racist-lint-disable mixed-race -- the 2019 policy is quoted as it was approved -->',
    '',
    'Staff recorded children as mixed race.',
    '',
    '<!-- anti-racist-lint-enable mixed-race -->',
    '',
    'A mixed race child is now recorded as of dual heritage.',
    '',
  ].join('\n'),
  'form.txt': '\ufeffReferral form\r\n<!-- anti-racist-lint-disable-next-line mixed-race -- field copied from the 2015 form -->\r\nEthnicity: mixed race\r\nNotes: father is mixed race.\r\n',
  'stale.md': '<!-- anti-racist-lint-disable-next-line mixed-race -->\nRiley is of dual heritage.\n',
});
afterAll(project.cleanup);

const json = (args: string[]) => {
  const r = runCli(['--format', 'json', ...args], { cwd: project.dir });
  return { ...r, results: JSON.parse(r.stdout) };
};

describe('disable comments', () => {
  it('suppress findings in Markdown between disable and enable, keeping the reason in suppressedMessages', () => {
    const { results } = json(['policy.md']);
    expect(results[0].messages.map((m: { line: number }) => m.line)).toEqual([9]);
    expect(results[0].suppressedMessages).toHaveLength(1);
    expect(results[0].suppressedMessages[0]).toMatchObject({
      ruleId: 'mixed-race',
      line: 5,
      suppressions: [{ kind: 'directive', justification: 'the 2019 policy is quoted as it was approved' }],
    });
  });

  it('work in a CRLF text file with a byte-order mark when the comment is alone on its line', () => {
    const { results } = json(['form.txt']);
    expect(results[0].messages.map((m: { line: number; column: number }) => `${m.line}:${m.column}`)).toEqual(['4:18']);
    expect(results[0].suppressedMessages[0]).toMatchObject({ line: 3, suppressions: [{ justification: 'field copied from the 2015 form' }] });
  });

  it('are ignored with --no-inline-config', () => {
    const { results } = json(['--no-inline-config', 'policy.md', 'form.txt']);
    expect(results.map((r: { messages: unknown[] }) => r.messages.length)).toEqual([2, 2]);
  });

  it('--report-unused-disable-directives reports a comment that suppresses nothing as an error (exit 1)', () => {
    const quiet = json(['stale.md']);
    expect(quiet.code).toBe(0);
    const r = json(['--report-unused-disable-directives', 'stale.md']);
    expect(r.code).toBe(1);
    expect(r.results[0].messages).toMatchObject([{ ruleId: 'unused-disable-directive', severity: 2, line: 1 }]);
  });

  it('--report-unused-disable-directives-severity warn reports it as a warning (exit 0)', () => {
    const r = json(['--report-unused-disable-directives-severity', 'warn', 'stale.md', 'policy.md']);
    expect(r.code).toBe(0);
    expect(r.results.find((x: { filePath: string }) => x.filePath.endsWith('stale.md')).messages[0].severity).toBe(1);
    // The comments in policy.md are used, so nothing is reported about them.
    expect(r.results.find((x: { filePath: string }) => x.filePath.endsWith('policy.md')).messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['mixed-race']);
  });

  it('--fix leaves suppressed findings as they are', () => {
    const fixed = runCli(['--fix-dry-run', '-f', 'json', 'policy.md'], { cwd: project.dir });
    const output: string = JSON.parse(fixed.stdout)[0].output;
    expect(output).toContain('Staff recorded children as mixed race.');
    expect(output).toContain('A dual heritage child');
  });
});
