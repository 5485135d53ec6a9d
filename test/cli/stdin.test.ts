import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  '.anti-racist-lintrc.json': JSON.stringify({ overrides: [{ files: ['policies/**'], rules: { 'mixed-race': 'error' } }] }),
  '.anti-racist-lintignore': 'archive/\n',
});
afterAll(project.cleanup);

describe('--stdin', () => {
  it('lints standard input and names the result <stdin> without --stdin-filename', () => {
    const r = runCli(['--stdin', '--format', 'json'], { cwd: project.dir, input: 'Mother is mixed race.\n' });
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe('<stdin>');
    expect(result.messages[0]).toMatchObject({ ruleId: 'mixed-race', line: 1, column: 11 });
  });

  it('--stdin-filename picks the parser (Markdown code is not linted) and the configuration overrides', () => {
    const text = '# Policy\n\n`mixed race` in code.\n\nA mixed race child.\n';
    const r = runCli(['--stdin', '--stdin-filename', 'policies/p.md', '--format', 'json'], { cwd: project.dir, input: text });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe(join(project.dir, 'policies/p.md'));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ line: 5, severity: 2 });
  });

  it('understands a byte-order mark and CRLF line ends on standard input', () => {
    const r = runCli(['--stdin', '-f', 'json'], { cwd: project.dir, input: '\ufeffHome visit.\r\nFather is mixed race.\r\n' });
    expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({ line: 2, column: 11 });
  });

  it('--fix with --stdin is a usage error (exit 2)', () => {
    const r = runCli(['--stdin', '--fix'], { cwd: project.dir, input: 'Mother is mixed race.\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fix cannot be used with --stdin');
    expect(r.stdout).toBe('');
  });

  it('--fix-dry-run prints the fixed text in the JSON output field', () => {
    const r = runCli(['--stdin', '--fix-dry-run', '-f', 'json'], { cwd: project.dir, input: 'Mother is mixed race.\r\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].output).toBe('Mother is of dual heritage.\r\n');
  });

  it('--diff works on standard input too', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'note.txt', '--diff'], { cwd: project.dir, input: 'Mother is mixed race.\n' });
    expect(r.stdout).toBe('--- a/note.txt\n+++ b/note.txt\n@@ -1,1 +1,1 @@\n-Mother is mixed race.\n+Mother is of dual heritage.\n');
  });

  it('an ignored --stdin-filename is not linted, with a notice', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'archive/old.txt', '-f', 'json'], { cwd: project.dir, input: 'Mother is mixed race.\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('archive/old.txt is ignored');
  });

  it('paths with --stdin, and --stdin-filename without --stdin, are usage errors', () => {
    expect(runCli(['--stdin', 'a.txt'], { cwd: project.dir, input: '' }).code).toBe(2);
    const r = runCli(['--stdin-filename', 'a.txt', 'x'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdin-filename needs --stdin');
  });
});
