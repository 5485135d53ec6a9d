import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../helpers/cli.js';

const project = tempProject({
  'notes/visit.txt': 'Home visit to Leeds.\nMother is mixed race.\n',
  'notes/other.md': '# Plan\n\nRiley is of dual heritage; he attends Oakfield.\n',
});
afterAll(project.cleanup);
const at = (p: string) => join(project.dir, p);
const CACHE = '.anti-racist-lintcache';

/** Rewrites every cached message, so a run that prints it provably came from the cache. */
function markCachedMessages(cacheFile: string): void {
  const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
  for (const entry of Object.values(data.files) as { result: { messages: { message: string }[] } }[]) {
    for (const m of entry.result.messages) m.message = 'FROM THE CACHE';
  }
  writeFileSync(cacheFile, JSON.stringify(data));
}

describe('--cache', () => {
  it('writes .anti-racist-lintcache holding findings only, never the record text', () => {
    const r = runCli(['--cache', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(0);
    const text = readFileSync(at(CACHE), 'utf8');
    const data = JSON.parse(text);
    expect(Object.keys(data.files).sort()).toEqual(['notes/other.md', 'notes/visit.txt']);
    expect(data.files['notes/visit.txt'].result.messages[0].ruleId).toBe('mixed-race');
    for (const words of ['Home visit', 'Leeds', 'Mother', 'Riley', 'Oakfield']) expect(text).not.toContain(words);
  });

  it('a second run takes unchanged files from the cache', () => {
    markCachedMessages(at(CACHE));
    const r = runCli(['--cache', '--format', 'json', 'notes'], { cwd: project.dir });
    expect(JSON.parse(r.stdout)[1].messages[0].message).toBe('FROM THE CACHE');
    expect(JSON.parse(r.stdout)[1].filePath).toBe(at('notes/visit.txt'));
  });

  it('a changed file is linted again', () => {
    writeFileSync(at('notes/visit.txt'), 'Home visit to Leeds.\nMother is mixed race, she said.\n');
    const r = runCli(['--cache', '--format', 'json', 'notes'], { cwd: project.dir });
    expect(JSON.parse(r.stdout)[1].messages[0].message).not.toBe('FROM THE CACHE');
  });

  it('a change of configuration lints again', () => {
    markCachedMessages(at(CACHE));
    const r = runCli(['--cache', '--rule', 'mixed-race:error', '--format', 'json', 'notes'], { cwd: project.dir });
    const visit = JSON.parse(r.stdout)[1];
    expect(visit.messages[0].message).not.toBe('FROM THE CACHE');
    expect(visit.messages[0].severity).toBe(2);
  });

  it('--fix still fixes a file whose findings are cached, and caches the fixed file', () => {
    runCli(['--cache', 'notes'], { cwd: project.dir });
    const r = runCli(['--cache', '--fix', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(readFileSync(at('notes/visit.txt'), 'utf8')).toBe('Home visit to Leeds.\nMother is of dual heritage, she said.\n');
    const data = JSON.parse(readFileSync(at(CACHE), 'utf8'));
    expect(data.files['notes/visit.txt'].result.messages).toEqual([]);
  });

  it('--cache-location takes a file or a folder', () => {
    runCli(['--cache', '--cache-location', 'build/lint.cache', 'notes'], { cwd: project.dir });
    expect(existsSync(at('build/lint.cache'))).toBe(true);
    mkdirSync(at('cachedir'));
    runCli(['--cache', '--cache-location', 'cachedir', 'notes'], { cwd: project.dir });
    expect(existsSync(at(`cachedir/${CACHE}`))).toBe(true);
  });

  it('a corrupt cache is ignored and rewritten', () => {
    writeFileSync(at(CACHE), '{ not json');
    const r = runCli(['--cache', 'notes'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(at(CACHE), 'utf8')).format).toBe(1);
  });

  it('--cache-location without --cache is a usage error', () => {
    expect(runCli(['--cache-location', 'x', 'notes'], { cwd: project.dir }).code).toBe(2);
  });
});
