import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  'notes/visit.txt': 'Home visit.\nMother is mixed race and lives in Leeds.\n',
  'notes/clean.md': '# Visit\n\nRiley is of dual heritage.\n',
  'odd/a,b:c.txt': 'A mixed race boy.\n',
  '.anti-racist-lintrc.json': JSON.stringify({ overrides: [{ files: ['odd/**'], rules: { 'mixed-race': 'error' } }] }),
});
afterAll(project.cleanup);
const at = (p: string) => join(project.dir, p);

describe('--format github', () => {
  it('prints one workflow command per finding, with the position, the rule and clause as title', () => {
    const r = runCli(['--format', 'github', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=notes\/visit\.txt,line=2,col=11,endLine=2,endColumn=21,title=mixed-race \(001 §2\.1%2C 001 §2\.4\)::“mixed race”: .* → “of dual heritage”$/);
  });

  it('escapes , and : in properties, uses ::error for errors, and paths relative to GITHUB_WORKSPACE', () => {
    const r = runCli(['--format', 'github', 'a,b:c.txt'], { cwd: at('odd'), env: { GITHUB_WORKSPACE: project.dir } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=odd\/a%2Cb%3Ac\.txt,line=1,col=3,/);
  });
});

describe('--format junit', () => {
  it('writes one suite per file, a failure per finding and a passing case for a clean file', () => {
    const r = runCli(['--format', 'junit', 'notes'], { cwd: project.dir });
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n')).toBe(true);
    expect(r.stdout).toContain('<testsuite package="anti-racist-lint" time="0" tests="1" errors="0" failures="0" name="notes/clean.md">');
    expect(r.stdout).toContain('<testcase time="0" name="notes/clean.md" classname="notes/clean" />');
    expect(r.stdout).toMatch(/<testcase time="0" name="anti-racist-lint\.mixed-race" classname="notes\/visit"><failure message="“mixed race”: [^"]*person&apos;s own words[^"]*"><!\[CDATA\[line 2, col 11, Warning - /);
    expect(r.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
    // Every opened element is closed.
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(r.stdout.match(/<\/testsuite>/g)).toHaveLength(2);
  });
});

describe('--format compact', () => {
  it('prints ESLint compact lines and a total', () => {
    const r = runCli(['--format', 'compact', 'notes'], { cwd: project.dir });
    expect(r.stdout).toMatch(new RegExp(`^${at('notes/visit.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2, col 11, Warning - “mixed race”: .* \\(mixed-race\\)\n\n1 problem\n$`));
  });
});

describe('--format json-with-metadata', () => {
  it('wraps the results with the working directory and the metadata of the rules that reported', () => {
    const r = runCli(['--format', 'json-with-metadata', 'notes'], { cwd: project.dir });
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(2);
    expect(out.results[0]).not.toHaveProperty('source');
    expect(out.metadata.cwd).toBe(project.dir);
    expect(Object.keys(out.metadata.rulesMeta)).toEqual(['mixed-race']);
    expect(out.metadata.rulesMeta['mixed-race'].standards[0].clause).toBe('2.1');
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders) and nothing to standard output', () => {
    const r = runCli(['--format', 'json', '--output-file', 'reports/ci/lint.json', 'notes'], { cwd: project.dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(at('reports/ci/lint.json'), 'utf8'));
    expect(results[1].messages[0].ruleId).toBe('mixed-race');
  });

  it('never writes colour codes into a file', () => {
    runCli(['--color', '-o', 'reports/stylish.txt', 'notes'], { cwd: project.dir });
    const text = readFileSync(at('reports/stylish.txt'), 'utf8');
    expect(text).toContain('mixed-race');
    expect(text).not.toContain('\u001b[');
  });

  it('rejects an unknown format with exit 2', () => {
    const r = runCli(['--format', 'xml', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sarif');
  });
});
