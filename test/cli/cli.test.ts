import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  'notes/visit.txt': 'Home visit.\nMother is mixed race and lives in Leeds.\n',
  'notes/clean.md': '# Visit\n\nRiley is of dual heritage; his father is from Accra.\n\n```\nmixed race in code is not linted\n```\n',
  'notes/ignored.docx.bak': 'mixed race',
  '.anti-racist-lintrc.json': JSON.stringify({ rules: { 'mixed-race': 'error' } }),
  'bad-config/.anti-racist-lintrc.json': JSON.stringify({ rules: { 'no-such-rule': 'warn' } }),
  'bad-config/a.txt': 'hello',
  'broken-json/.anti-racist-lintrc.json': '{ "rules": ',
  'broken-json/a.txt': 'hello',
  'esm/package.json': JSON.stringify({ type: 'module' }),
  'esm/anti-racist-lint.config.js': "export default { rules: { 'mixed-race': 'off' } };\n",
  'esm/a.txt': 'Mother is mixed race.\n',
  'cjs/anti-racist-lint.config.cjs': "module.exports = { rules: { 'mixed-race': 'off' } };\n",
  'cjs/a.txt': 'Mother is mixed race.\n',
});
afterAll(project.cleanup);

describe('anti-racist-lint CLI', () => {
  it('walks a folder, prints ESLint JSON and exits 1 on errors from the found configuration', () => {
    const r = runCli(['--format', 'json', 'notes'], { cwd: project.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { filePath: string }) => x.filePath.split('/').pop())).toEqual(['clean.md', 'visit.txt']);
    const visit = results[1];
    expect(visit.messages).toHaveLength(1);
    expect(visit.messages[0]).toMatchObject({ ruleId: 'mixed-race', severity: 2, line: 2, column: 11, endLine: 2, endColumn: 21 });
    expect(visit.errorCount).toBe(1);
    expect(results[0].messages).toEqual([]);
  });

  it('loads an ES module anti-racist-lint.config.js (its default export) and anti-racist-lint.config.cjs', () => {
    for (const dir of ['esm', 'cjs']) {
      const r = runCli(['--format', 'json', 'a.txt'], { cwd: `${project.dir}/${dir}` });
      expect(r.stderr, dir).toBe('');
      expect(JSON.parse(r.stdout)[0].messages, dir).toEqual([]);
      // The same file linted from the project's root (its configuration) is reported: it was read, not skipped.
      expect(runCli(['--format', 'json', `${dir}/a.txt`], { cwd: project.dir }).stdout).toContain('mixed-race');
    }
  });

  it('--rule overrides the configuration and warnings alone exit 0', () => {
    const r = runCli(['--rule', 'mixed-race:warn', 'notes/visit.txt'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2:11');
    expect(r.stdout).toContain('mixed-race');
    expect(r.stdout).toContain('001 §2.1');
  });

  it('--max-warnings 0 fails on one warning', () => {
    const r = runCli(['--rule', 'mixed-race:warn', '--max-warnings', '0', 'notes/visit.txt'], { cwd: project.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('too many warnings');
  });

  it('--quiet hides warnings', () => {
    const r = runCli(['--quiet', '--rule', 'mixed-race:warn', '--format', 'json', 'notes/visit.txt'], { cwd: project.dir });
    expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a missing path exits 2 naming it, without a stack trace', () => {
    const r = runCli(['does-not-exist.txt'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does-not-exist.txt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown rule in the configuration exits 2 naming the file and key', () => {
    const r = runCli(['a.txt'], { cwd: `${project.dir}/bad-config` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.anti-racist-lintrc.json');
    expect(r.stderr).toContain('rules.no-such-rule');
  });

  it('a malformed configuration file exits 2 naming it', () => {
    const r = runCli(['a.txt'], { cwd: `${project.dir}/broken-json` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.anti-racist-lintrc.json');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown option exits 2', () => {
    const r = runCli(['--no-such-flag', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--no-such-flag');
  });

  it('a bad --rule severity exits 2', () => {
    const r = runCli(['--rule', 'mixed-race:loud', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid severity');
  });

  it('--version and --help exit 0', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format');
  });

  it('--explain prints the rationale, clause and examples', () => {
    const r = runCli(['--explain', 'mixed-race']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('001 §2.1');
    expect(r.stdout).toContain('✗ Mother is mixed race.');
  });
});
