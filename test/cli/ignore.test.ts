import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const finding = 'Mother is mixed race.\n';
const project = tempProject({
  '.anti-racist-lintignore': '# historical records are handled by the baseline\narchive/\n*.draft.md\n!keep.draft.md\n',
  '.anti-racist-lintrc.json': JSON.stringify({
    ignorePatterns: ['generated/**'],
    overrides: [
      { files: ['policies/**/*.md'], kind: 'policy', rules: { 'mixed-race': 'error' } },
      { files: 'templates/**', rules: { 'mixed-race': 'off' } },
    ],
  }),
  'notes/visit.txt': finding,
  'notes/plan.draft.md': finding,
  'notes/keep.draft.md': finding,
  'archive/2009/old.txt': finding,
  'generated/export.txt': finding,
  'scratch/tmp.txt': finding,
  'policies/equality/policy.md': finding,
  'templates/letter.md': finding,
  'sub/dir/.keep': '',
});
afterAll(project.cleanup);

const linted = (args: string[], cwd = project.dir) => {
  const r = runCli(['--format', 'json', ...args], { cwd });
  const files = r.stdout ? JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(project.dir.length + 1)) : [];
  return { ...r, files };
};

describe('ignoring files', () => {
  it('.anti-racist-lintignore (gitignore syntax, with negation) and config ignorePatterns leave files out of a walk', () => {
    const { files } = linted(['.']);
    expect(files).toEqual(['notes/keep.draft.md', 'notes/visit.txt', 'policies/equality/policy.md', 'scratch/tmp.txt', 'templates/letter.md']);
  });

  it('--ignore-pattern adds patterns (repeatable)', () => {
    const { files } = linted(['--ignore-pattern', 'scratch/', '--ignore-pattern', 'templates/*.md', '.']);
    expect(files).toEqual(['notes/keep.draft.md', 'notes/visit.txt', 'policies/equality/policy.md']);
  });

  it('--no-ignore lints everything', () => {
    const { files } = linted(['--no-ignore', '--ignore-pattern', 'scratch/', '.']);
    expect(files).toEqual([
      'archive/2009/old.txt',
      'generated/export.txt',
      'notes/keep.draft.md',
      'notes/plan.draft.md',
      'notes/visit.txt',
      'policies/equality/policy.md',
      'scratch/tmp.txt',
      'templates/letter.md',
    ]);
  });

  it('an ignored file named explicitly is skipped with a notice (silenced by --no-warn-ignored)', () => {
    const r = linted(['archive/2009/old.txt', 'notes/visit.txt']);
    expect(r.files).toEqual(['notes/visit.txt']);
    expect(r.stderr).toContain('archive/2009/old.txt is ignored');
    expect(linted(['--no-warn-ignored', 'archive/2009/old.txt', 'notes/visit.txt']).stderr).toBe('');
  });

  it('a glob whose every match is ignored is a usage error (exit 2)', () => {
    const r = linted(['archive/**/*.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('All files matched by "archive/**/*.txt" are ignored');
  });

  it('.anti-racist-lintignore is read from the working directory, config ignorePatterns from the config file folder', () => {
    // From a subfolder the ignore file above is not used, but the configuration (found upwards) still is.
    const r = linted(['../..'], join(project.dir, 'sub/dir'));
    expect(r.files).toContain('archive/2009/old.txt');
    expect(r.files).not.toContain('generated/export.txt');
  });
});

describe('configuration overrides by glob', () => {
  it('give policy folders another severity and switch a rule off for templates', () => {
    const r = runCli(['--format', 'json', 'policies', 'templates', 'notes/visit.txt'], { cwd: project.dir });
    expect(r.code).toBe(1);
    const bySuffix = Object.fromEntries(JSON.parse(r.stdout).map((x: { filePath: string; messages: { severity: number }[] }) => [x.filePath.slice(project.dir.length + 1), x.messages.map((m) => m.severity)]));
    expect(bySuffix).toEqual({ 'policies/equality/policy.md': [2], 'templates/letter.md': [], 'notes/visit.txt': [1] });
  });

  it('match paths relative to the configuration file, whatever the working directory', () => {
    const r = runCli(['--format', 'json', 'policy.md'], { cwd: join(project.dir, 'policies/equality') });
    expect(JSON.parse(r.stdout)[0].messages[0].severity).toBe(2);
  });

  it('--rule still wins over an override', () => {
    const r = runCli(['--rule', 'mixed-race:warn', 'policies'], { cwd: project.dir });
    expect(r.code).toBe(0);
  });
});
