import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { runCliBounded, startCli, STACK_LINE } from './support.js';

/**
 * Record text goes only where the user asked for it. A run writes nothing to the temporary folder, the home
 * folder or beside the records; a cache keeps findings and hashes, not the record; error messages name files
 * and positions, never contents; the audit's --redact keeps record text out of every output it writes.
 * Every record here is invented; MARKER is a sentence no finding quotes, so finding it anywhere is a leak.
 */
const MARKER = 'Zebedee Quillfeather lives at 12 Orchard Lane';
const RECORD = `Home visit.\nMother is mixed race. ${MARKER}.\n`;

const project = tempProject({
  'records/visit.txt': RECORD,
  'records/plan.md': `# Plan\n\nThe family is "hard to reach". ${MARKER}.\n`,
  'records/damaged.txt': Buffer.concat([Buffer.from(`${MARKER} `), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(' Mother is mixed race.\n')]),
  'records/scan.txt': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(MARKER)]),
  'exports/notes.csv': `id,date,text\n1,2021-03-04,"Mother is mixed race. ${MARKER}."\n2,2021-03-05,"Visit went well. ${MARKER}."\n`,
  'home/.keep': '',
  'tmp/.keep': '',
});
afterAll(project.cleanup);
const dir = project.dir;

/** Every file under a folder, with its contents. */
function filesUnder(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(folder);
  return out;
}

/** Runs the CLI with its own empty home and temporary folders, and reports every file the run created. */
function isolatedRun(args: string[]) {
  const before = new Set(filesUnder(dir).keys());
  const run = runCliBounded(args, { cwd: dir, env: { HOME: join(dir, 'home'), TMPDIR: join(dir, 'tmp'), TMP: join(dir, 'tmp'), TEMP: join(dir, 'tmp'), XDG_CACHE_HOME: join(dir, 'home', '.cache') }, timeoutMs: 90_000 });
  const created = [...filesUnder(dir)].filter(([path]) => !before.has(path));
  return { run, created };
}

describe('the lint command', () => {
  it('writes no file at all, in any format, and puts no record text in its messages', () => {
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'compact', 'json-with-metadata']) {
      const { run, created } = isolatedRun(['--format', format, 'records']);
      expect(created.map(([p]) => p), format).toEqual([]);
      expect(run.stderr).not.toContain(MARKER);
      expect(run.stderr).not.toMatch(STACK_LINE);
      // The report itself is what the user asked for; even so the JSON formats carry findings, not the source.
      if (format.startsWith('json') || format === 'sarif') expect(run.stdout, format).not.toContain(MARKER);
    }
  });

  it('messages about unreadable, binary or damaged files name the file, never its contents', () => {
    const { run } = isolatedRun(['records/damaged.txt', 'records/scan.txt', 'records/missing.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('records/damaged.txt');
    expect(run.stderr).toContain('records/scan.txt');
    expect(run.stderr).not.toContain(MARKER);
    expect(run.stderr).not.toContain('Quillfeather');
  });

  it('--cache keeps findings and hashes, not the record', () => {
    const { created } = isolatedRun(['--cache', '--cache-location', 'lint-cache/', 'records']);
    expect(created.map(([p]) => p.slice(dir.length + 1))).toEqual(['lint-cache/.anti-racist-lintcache']);
    expect(created[0][1]).not.toContain('Quillfeather');
  });

  it('--fix writes only the fixed records: no backup or temporary copy', () => {
    const fixDir = join(dir, 'fix');
    mkdirSync(fixDir);
    writeFileSync(join(fixDir, 'visit.txt'), RECORD);
    const { created } = isolatedRun(['--fix', 'fix']);
    expect(created).toEqual([]);
    expect(readdirSync(fixDir)).toEqual(['visit.txt']);
    expect(readFileSync(join(fixDir, 'visit.txt'), 'utf8')).toBe(RECORD.replace('is mixed race', 'is of dual heritage'));
  });
});

describe('the audit command', () => {
  const outputs = (name: string) => ['--summary', `${name}/summary.csv`, '--report', `${name}/report.html`, '--format', 'json', '--output', `${name}/results.json`];

  it('without --redact, the JSON results and the report quote the flagged words (so the check below can fail)', () => {
    mkdirSync(join(dir, 'plain'));
    const { run, created } = isolatedRun(['audit', '--no-progress', ...outputs('plain'), 'exports', 'records/visit.txt']);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(created.map(([p]) => p.slice(dir.length + 1)).sort()).toEqual(['plain/report.html', 'plain/results.json', 'plain/summary.csv']);
    // Messages quote the flagged words from the record.
    for (const [path, text] of created.filter(([p]) => !p.endsWith('.csv'))) expect(text, path).toContain('“mixed race”');
  });

  it('--redact keeps record text out of every output: summary CSV, HTML report, JSON results and standard output', () => {
    mkdirSync(join(dir, 'redacted'));
    const { run, created } = isolatedRun(['audit', '--redact', '--no-progress', ...outputs('redacted'), 'exports', 'records/visit.txt']);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(created.map(([p]) => p.slice(dir.length + 1)).sort()).toEqual(['redacted/report.html', 'redacted/results.json', 'redacted/summary.csv']);
    for (const [path, text] of created) {
      expect(text, path).not.toContain('Quillfeather');
      expect(text, path).not.toContain('Mother is mixed race');
      expect(text, path).not.toContain('“mixed race”');
    }
    const results = JSON.parse(readFileSync(join(dir, 'redacted', 'results.json'), 'utf8')) as { messages: { ruleId: string; line: number; message?: string }[] }[];
    const messages = results.flatMap((r) => r.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.message).toBeUndefined();
    // Standard output (the text summary) too.
    const text = isolatedRun(['audit', '--redact', '--no-progress', 'exports']);
    expect(text.run.stdout).not.toContain('Quillfeather');
    const json = isolatedRun(['audit', '--redact', '--no-progress', '--format', 'json', 'exports']);
    expect(json.run.stdout).not.toContain('Quillfeather');
    expect(json.run.stdout).not.toContain('mixed race');
  });

  it('an interrupted --redact audit leaves a checkpoint without record text', async () => {
    const big = join(dir, 'big-export');
    mkdirSync(big);
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},2021-01-01,"Entry ${i}: Mother is mixed race. ${MARKER}."`).join('\n');
    writeFileSync(join(big, 'notes.csv'), `id,date,text\n${rows}\n`);
    mkdirSync(join(dir, 'interrupted'));
    const child = startCli(['audit', '--redact', '--no-progress', '--jobs', '1', '--summary', 'interrupted/summary.csv', 'big-export'], { cwd: dir });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(() => readdirSync(join(dir, 'interrupted')).some((n) => /checkpoint/i.test(n)), 60_000);
    child.kill('SIGKILL');
    await exited;
    const leftovers = readdirSync(join(dir, 'interrupted')).map((n) => [n, readFileSync(join(dir, 'interrupted', n), 'utf8')] as const);
    expect(leftovers.some(([n]) => /checkpoint/i.test(n))).toBe(true);
    for (const [name, text] of leftovers) expect(text, name).not.toContain('Quillfeather');
  }, 120_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('the project keeps no log or cache folder of its own', () => {
  expect(existsSync(join(dir, 'home', '.cache'))).toBe(false);
  expect(readdirSync(join(dir, 'tmp'))).toEqual(['.keep']);
  expect(readdirSync(join(dir, 'home'))).toEqual(['.keep']);
});
